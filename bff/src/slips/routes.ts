/**
 * The slips of a dossier and the agency's register, as PDFs:
 *
 *   GET /api/dossiers/{id}/slips/{form}               Mẫu 01–05 (A5): the latest slip of that form
 *                                                     the dossier's life issued; its owner or an
 *                                                     officer of its agency; 404 for anyone else
 *                                                     and for a slip not issued
 *   GET /api/officer/register.pdf?agency=&from=&to=   Mẫu 06 (A4 landscape): dossiers registered
 *                                                     with the agency on those days (Vietnam time,
 *                                                     both included, at most 366 days); officers
 *                                                     of that agency
 *
 * Order: session (401), role and agency (403), input (400), then the dossier (404). Officers'
 * reads are written to the audit log, as every officer read of a dossier is.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AgencyDirectory } from '@portal/shared/catalog/schema'
import { DossierIdSchema } from '@portal/shared/dossiers/schema'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { addCalendarDays, vietnamIso } from '@portal/shared/lifecycle/working-days'
import { hasAgency, requireRole, requireSession, sessionOf } from '../auth/access.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { vietnamIso as vietnamNow } from '../dossiers/codes.ts'
import { addresses } from '../dossiers/addresses.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import { renderRegister } from './forms/register.ts'
import { issuedSlips, type SlipForm } from './issued.ts'
import { issuerOf } from './issuer.ts'
import { registerTooLarge } from './problems.ts'
import { renderSlip, SLIP_FILE_NAMES } from './render.ts'
import { SlipRepository } from './repository.ts'

/** The longest range of one register, in days (both ends included). */
export const REGISTER_MAX_DAYS = 366
/**
 * The most dossiers one register prints (about 120 A4 pages, a few seconds of drawing); a busier
 * range is refused with a request for a shorter one.
 */
export const REGISTER_MAX_ROWS = 3000

export const SlipParamSchema = v.object({
  id: DossierIdSchema,
  form: v.pipe(v.picklist(['1', '2', '3', '4', '5'], 'form must be 1, 2, 3, 4 or 5'), v.transform((f) => Number(f) as SlipForm)),
})

const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd'),
  v.check((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a date that exists'),
)
const spanDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

export const RegisterQuerySchema = v.pipe(
  v.object({ agency: v.string(), from: Day, to: Day }),
  v.forward(
    v.check(({ from, to }) => from <= to, 'must not be before from'),
    ['to'],
  ),
  v.forward(
    v.check(({ from, to }) => spanDays(from, to) <= REGISTER_MAX_DAYS, `the range may cover at most ${REGISTER_MAX_DAYS} days`),
    ['to'],
  ),
)

export interface SlipsDeps {
  db: Db
  clock: Clock
  store: CatalogStore
  audit: AuditLog
  /** The holiday table due dates are counted with (calendar/source.ts). */
  holidays: () => HolidayTable
}

const portalNameOf = (directory: AgencyDirectory) => (directory.province.name ? `Cổng Dịch vụ công tỉnh ${directory.province.name}` : 'Cổng Dịch vụ công')

export function slipRoutes({ db, clock, store, audit, holidays }: SlipsDeps) {
  const repository = new SlipRepository(db)
  const app = new Hono()

  app.get('/api/dossiers/:id/slips/:form', requireSession(), validate('param', SlipParamSchema), async (c) => {
    const session = sessionOf(c)
    const { id, form } = c.req.valid('param')
    const dossier = repository.find(id)
    const owner = dossier?.userId === session.userId
    if (!dossier || !(owner || hasAgency(session, dossier.agencyCode))) throw notFound('Không có hồ sơ này.')
    const slip = issuedSlips(dossier.life, holidays()).get(form)
    if (!slip) throw notFound(`Hồ sơ ${dossier.code} chưa có Mẫu số ${String(form).padStart(2, '0')}.`)
    const { directory } = store.snapshot()
    const context = { receipt: dossier.receipt, issuer: issuerOf(directory, dossier.agencyCode, dossier.receipt.agency.name), portalName: portalNameOf(directory) }
    const pdf = await renderSlip(context, slip, addresses())
    if (!owner) audit.record({ actor: session.sub, action: 'slip.read', target: dossier.id, details: { code: dossier.code, form } })
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `inline; filename="mau-${String(form).padStart(2, '0')}-${SLIP_FILE_NAMES[form]}-${dossier.code}.pdf"`)
    c.header('Cache-Control', 'no-store')
    return c.body(pdf as Uint8Array<ArrayBuffer>)
  })

  app.get(
    '/api/officer/register.pdf',
    requireRole('officer', { agency: (c) => c.req.query('agency') }),
    validate('query', RegisterQuerySchema),
    async (c) => {
      const session = sessionOf(c)
      const { agency, from, to } = c.req.valid('query')
      const rows = repository.registered(agency, vietnamIso(from, 0), vietnamIso(addCalendarDays(to, 1), 0), REGISTER_MAX_ROWS + 1)
      if (rows.length > REGISTER_MAX_ROWS) throw registerTooLarge(REGISTER_MAX_ROWS)
      const { directory } = store.snapshot()
      const issuer = issuerOf(directory, agency, agency)
      const pdf = await renderRegister({
        issuer,
        portalName: portalNameOf(directory),
        from,
        to,
        printedAt: vietnamNow(clock.now()),
        entries: rows.map((d) => ({ code: d.code, ...(d.externalCode ? { externalCode: d.externalCode } : {}), receipt: d.receipt, state: d.life })),
      })
      audit.record({ actor: session.sub, action: 'register.printed', target: agency, details: { from, to, dossiers: rows.length } })
      c.header('Content-Type', 'application/pdf')
      c.header('Content-Disposition', `inline; filename="so-theo-doi-ho-so-${agency}-${from}-${to}.pdf"`)
      c.header('Cache-Control', 'no-store')
      return c.body(pdf as Uint8Array<ArrayBuffer>)
    },
  )

  return app
}
