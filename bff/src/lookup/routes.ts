/**
 * The public look-up of a dossier by code (TT 01/2018 Art. 16; shared/src/lookup/schema.ts):
 *
 *   GET /api/lookup/{dossierCode}   DossierLookup; 400 malformed code, 404 unknown code,
 *                                   429 over the limit (Retry-After). No session needed; the
 *                                   owner's session adds `owner`.
 *   GET /tra-cuu[?ma=<code>]        the same as a server page (public tier only)
 *
 * Order: the limit first (every look-up counts, malformed ones too, so a flood costs the flooder
 * and never the database), then the code's shape, then one read by the unique index on the
 * code. Every unknown code gets the same 404 body after the same single read, so the answer
 * says no more than "there is no such dossier". Answers are `no-store`: a status must never be
 * served stale from a cache, and the owner's answer is personal.
 */
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import { LOOKUP_CODE_MAX, LookupCodeSchema } from '@portal/shared/lookup/schema'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Template } from '../pages/template.ts'
import { ownerAnswer, publicAnswer } from './answer.ts'
import { ClientAddresses } from './client-address.ts'
import { renderLookupPage, type LookupOutcome } from './page.ts'
import { tooManyLookups } from './problems.ts'
import { SlidingWindowLimiter } from './rate-limit.ts'
import { LookupRepository } from './repository.ts'

/** Look-ups per client address in any window of LOOKUP_WINDOW_MS (issue 7). */
export const LOOKUP_LIMIT = 30
export const LOOKUP_WINDOW_MS = 60_000
/** Addresses remembered at once (rate-limit.ts: about 3 MB at this size). */
export const LOOKUP_MAX_CLIENTS = 10_000

export const LookupParamSchema = v.object({ dossierCode: LookupCodeSchema })

export interface LookupDeps {
  db: Db
  clock: Clock
  config: Config
  template: Template
  store: CatalogStore
}

export function lookupRoutes({ db, clock, config, template, store }: LookupDeps) {
  const repository = new LookupRepository(db)
  const limiter = new SlidingWindowLimiter({ limit: LOOKUP_LIMIT, windowMs: LOOKUP_WINDOW_MS, maxClients: LOOKUP_MAX_CLIENTS, clock })
  const clients = new ClientAddresses(config.trustedProxies)
  const app = new Hono()

  /** Counts a look-up by the caller. Over the limit: sets Retry-After and returns the wait (s). */
  const refusal = (c: Context): number | undefined => {
    const decision = limiter.take(clients.of(c))
    if (decision.ok) return undefined
    c.header('Retry-After', String(decision.retryAfterSeconds))
    return decision.retryAfterSeconds
  }

  const limited = createMiddleware(async (c, next) => {
    const wait = refusal(c)
    // errors.ts answers the problem on this same context: the Retry-After set above stays.
    if (wait !== undefined) throw tooManyLookups(LOOKUP_LIMIT, wait)
    await next()
  })

  app.get('/api/lookup/:dossierCode', limited, validate('param', LookupParamSchema), (c) => {
    const row = repository.byCode(c.req.valid('param').dossierCode)
    if (!row) throw notFound('Không có hồ sơ nào mang mã này. Hãy kiểm tra lại mã trên giấy tiếp nhận.')
    const session = c.get('session')
    const answer = session?.userId === row.userId ? ownerAnswer(row, repository.history(row.id)) : publicAnswer(row)
    c.header('Cache-Control', 'no-store')
    return c.json(answer)
  })

  app.get('/tra-cuu', compress(), (c) => {
    const typed = c.req.query('ma')?.trim() ?? ''
    const page = (outcome: LookupOutcome, status: 200 | 400 | 404 | 429) => {
      c.header('Cache-Control', outcome.kind === 'blank' ? 'no-cache' : 'no-store')
      return c.html(renderLookupPage({ template, origin: config.publicOrigin, snapshot: store.snapshot() }, outcome), status)
    }
    if (!typed) return page({ kind: 'blank' }, 200)
    // What was typed is shown back in the form, cut to a code's length.
    const shown = typed.slice(0, LOOKUP_CODE_MAX)
    const wait = refusal(c)
    if (wait !== undefined) return page({ kind: 'too-many', code: shown, retryAfterSeconds: wait }, 429)
    const parsed = v.safeParse(LookupCodeSchema, typed)
    if (!parsed.success) return page({ kind: 'invalid', code: shown }, 400)
    const row = repository.byCode(parsed.output)
    if (!row) return page({ kind: 'not-found', code: parsed.output }, 404)
    return page({ kind: 'found', answer: publicAnswer(row) }, 200)
  })

  return app
}
