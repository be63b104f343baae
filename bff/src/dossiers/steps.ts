/**
 * The applicant's steps after intake: a supplement answering the open supplement request
 * (Mẫu 02), and the withdrawal (rút hồ sơ). Each is checked here against the portal's mirror of
 * the dossier's life, then stored in one immediate transaction with the relay_outbox row that
 * carries it to the one-stop-shop, a history note (so the phone and the owner's look-up show it
 * was sent), the dossier's next change sequence and the audit entry. The one-stop-shop applies it
 * (supplementReceived, withdraw) and its status event comes back through the relay's inbound:
 * only then does the status move.
 *
 * Idempotency (the device's outbox sends each step under its own UUID): an id seen before is
 * answered before any rule is checked again: the same content → the dossier as it is now (200);
 * other content → 409 step-conflict; an id of another dossier, kind or person → 409 step-id-taken.
 *
 * Rules, after the owner check (404) and the replay:
 * - supplement: status supplementRequested (else 409, nothing stored); the open request not
 *   answered already under another id, and no withdrawal sent (409 step-already-sent); then the
 *   content (422 supplement-invalid, every fault at once): only components the request names,
 *   every one it names with files, each file of an accepted type and uploaded by the caller
 *   (check.ts, the same checks as intake), form corrections only when an item is not a component
 *   (and the merged form valid), something supplied, the size limit.
 * - withdrawal: the state machine's rule on the mirror (before processing: registered, accepted,
 *   supplementRequested unless the request came during processing; 409 withdrawal-not-allowed),
 *   and no withdrawal sent already (409 step-already-sent).
 */
import * as v from 'valibot'
import type { SupplementSubmission, WithdrawalRequest } from '@portal/shared/dossiers/citizen'
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import { dossierDefinitionFor } from '@portal/shared/forms/registry'
import type { FormValues } from '@portal/shared/forms/definition'
import { formSchema } from '@portal/shared/forms/validate'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { transition } from '@portal/shared/lifecycle/machine'
import type { SupplementRecord } from '@portal/shared/lifecycle/types'
import { todayInVietnam } from '@portal/shared/forms/dates'
import type { Session } from '../auth/sessions.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { ProblemErrors } from '../http/problem.ts'
import { STATUS_NAMES } from '../lookup/texts.ts'
import { nextChangeSeq } from '../relay/sequence.ts'
import type { Grant, UploadRepository } from '../uploads/repository.ts'
import { addresses } from './addresses.ts'
import { canonicalHash } from './canonical.ts'
import { suppliedComponentErrors, totalSizeErrors } from './check.ts'
import { vietnamIso } from './codes.ts'
import { stepAlreadySent, stepConflict, stepIdTaken, supplementInvalid, supplementNotRequested, withdrawalNotAllowed } from './problems.ts'
import type { DossierRow } from './repository.ts'
import { lifeOf } from './view.ts'

export type StepKind = 'supplement' | 'withdrawal'

export interface StepsDeps {
  db: Db
  clock: Clock
  store: CatalogStore
  audit: AuditLog
  uploads: UploadRepository
  holidays: () => HolidayTable
}

interface StepRow {
  id: string
  dossierId: string
  userId: number
  kind: StepKind
  bodyHash: string
  createdAt: string
}

/** `created`: stored now (202); otherwise the same step was stored before (200). */
export type StepOutcome = { created: boolean }

const formatTime = (iso: string) => iso.slice(11, 16) + ' ngày ' + iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4)

export class ApplicantSteps {
  readonly #s

  constructor(private readonly deps: StepsDeps) {
    const c = deps.db.$client
    this.#s = {
      find: c.prepare('SELECT id, dossier_id AS dossierId, user_id AS userId, kind, body_hash AS bodyHash, created_at AS createdAt FROM dossier_steps WHERE id = ?'),
      answering: c.prepare(
        'SELECT id, dossier_id AS dossierId, user_id AS userId, kind, body_hash AS bodyHash, created_at AS createdAt FROM dossier_steps WHERE dossier_id = ? AND kind = ? AND request_at = ?',
      ),
      outbox: c.prepare('INSERT INTO relay_outbox (dossier_id, message, created_at, payload) VALUES (?, ?, ?, ?) RETURNING id').pluck(),
      step: c.prepare('INSERT INTO dossier_steps (id, dossier_id, user_id, kind, request_at, body_hash, body, outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      history: c.prepare('INSERT INTO dossier_history (dossier_id, status, at, note, event) VALUES (?, ?, ?, ?, ?)'),
      touch: c.prepare('UPDATE dossiers SET seq = ?, updated_at = ? WHERE id = ?'),
    }
  }

  async supplement(session: Session, row: DossierRow, body: SupplementSubmission): Promise<StepOutcome> {
    const hash = canonicalHash(body)
    if (this.#replayed(session, row, 'supplement', body.id, hash)) return { created: false }
    const status = row.status as DossierStatus
    const request = lifeOf(row).supplements.at(-1)
    if (status !== 'supplementRequested' || !request || request.receivedAt) throw supplementNotRequested(row.code, STATUS_NAMES[status])
    this.#notAnswered(row, request)
    const errors = await this.#supplementErrors(session, row, request, body)
    if (errors.length > 0) throw supplementInvalid(errors)
    const files = body.components.reduce((n, c) => n + c.files.length, 0)
    const payload = { components: body.components, ...(body.form ? { form: body.form } : {}), ...(body.note ? { note: body.note } : {}) }
    const note = `Người nộp đã gửi bản bổ sung (${files} tệp)${body.note ? `: ${body.note}` : '.'}`
    return this.#store(session, row, { kind: 'supplement', id: body.id, hash, requestAt: request.requestedAt, body, payload, note, event: 'supplementSent', details: { files } })
  }

  withdraw(session: Session, row: DossierRow, body: WithdrawalRequest): StepOutcome {
    const hash = canonicalHash(body)
    if (this.#replayed(session, row, 'withdrawal', body.id, hash)) return { created: false }
    const status = row.status as DossierStatus
    const at = vietnamIso(this.deps.clock.now())
    const allowed = transition(lifeOf(row), { type: 'withdraw', at }, { table: this.deps.holidays() })
    if (!allowed.ok) {
      const why = allowed.code === 'not-allowed' ? 'hồ sơ đã kết thúc hoặc đang được giải quyết.' : allowed.message.vi
      throw withdrawalNotAllowed(row.code, STATUS_NAMES[status], why)
    }
    const sent = this.#s.answering.get(row.id, 'withdrawal', '') as StepRow | undefined
    if (sent) throw stepAlreadySent(`Yêu cầu rút hồ sơ ${row.code} đã được gửi lúc ${formatTime(sent.createdAt)}, đang chờ cơ quan tiếp nhận.`)
    const payload = body.reason ? { reason: body.reason } : {}
    const note = `Người nộp đã gửi yêu cầu rút hồ sơ${body.reason ? `: ${body.reason}` : '.'}`
    return this.#store(session, row, { kind: 'withdrawal', id: body.id, hash, requestAt: '', body, payload, note, event: 'withdrawalSent', details: {} })
  }

  /** True when this id was stored before with the same content; throws when it cannot be this step. */
  #replayed(session: Session, row: DossierRow, kind: StepKind, id: string, hash: string): boolean {
    const seen = this.#s.find.get(id) as StepRow | undefined
    if (!seen) return false
    if (seen.userId !== session.userId || seen.dossierId !== row.id || seen.kind !== kind) throw stepIdTaken()
    if (seen.bodyHash !== hash) throw stepConflict()
    return true
  }

  /** A request is answered once; nothing is supplemented once a withdrawal was sent. */
  #notAnswered(row: DossierRow, request: SupplementRecord): void {
    const answered = this.#s.answering.get(row.id, 'supplement', request.requestedAt) as StepRow | undefined
    if (answered) {
      throw stepAlreadySent(`Bản bổ sung cho yêu cầu này đã được gửi lúc ${formatTime(answered.createdAt)}, đang chờ cơ quan tiếp nhận.`)
    }
    const withdrawn = this.#s.answering.get(row.id, 'withdrawal', '') as StepRow | undefined
    if (withdrawn) throw stepAlreadySent(`Yêu cầu rút hồ sơ ${row.code} đã được gửi lúc ${formatTime(withdrawn.createdAt)}: không thể nộp bổ sung.`)
  }

  async #supplementErrors(session: Session, row: DossierRow, request: SupplementRecord, body: SupplementSubmission): Promise<ProblemErrors> {
    const procedure = this.deps.store.snapshot().byCode.get(row.procedureCode)
    const definition = procedure ? await dossierDefinitionFor(procedure) : undefined
    const rules = new Map(definition?.components.map((rule) => [rule.id, rule]) ?? [])
    const label = (id: string) => rules.get(id)?.label.vi ?? id
    const asked = new Set(request.items.flatMap((item) => (item.componentId ? [item.componentId] : [])))
    const otherItems = request.items.some((item) => !item.componentId)
    const errors: ProblemErrors = []

    const unasked = body.components.filter((c) => !asked.has(c.componentId))
    for (const c of unasked) errors.push({ path: `components.${c.componentId}`, message: `Yêu cầu bổ sung không đề nghị bổ sung thành phần "${label(c.componentId)}".` })
    const hasGrant = (grant: Grant) => this.deps.uploads.hasGrant(session.userId, grant)
    const answering = body.components.filter((c) => asked.has(c.componentId))
    const supplied = suppliedComponentErrors(
      answering.filter((c) => rules.has(c.componentId)),
      rules,
      hasGrant,
    )
    errors.push(...supplied.errors)
    // A component the catalogue does not (or no longer) name is still what the officer asked for: its files need only be the caller's.
    for (const c of answering.filter((c) => !rules.has(c.componentId))) {
      supplied.given.set(c.componentId, c)
      for (const f of c.files) {
        supplied.total += f.size
        if (!hasGrant(f)) errors.push({ path: `components.${c.componentId}`, message: `Tệp "${f.name}" chưa được tải lên từ tài khoản này (hoặc khác kích thước, loại tệp). Hãy tải tệp lên rồi gửi lại.` })
      }
    }
    for (const id of asked) {
      if ((supplied.given.get(id)?.files.length ?? 0) === 0) errors.push({ path: `components.${id}`, message: `Chưa có tệp cho thành phần được yêu cầu bổ sung "${label(id)}".` })
    }
    errors.push(...totalSizeErrors(supplied.total))

    if (body.form && Object.keys(body.form).length > 0) {
      if (!otherItems) errors.push({ path: 'form', message: 'Yêu cầu bổ sung không đề nghị sửa tờ khai.' })
      else if (!definition?.form) errors.push({ path: 'form', message: 'Thủ tục này không có tờ khai điện tử: tờ khai được bổ sung dưới dạng tệp đính kèm.' })
      else {
        const submitted = (JSON.parse(row.submission) as { form: FormValues }).form
        const schema = formSchema(definition.form, { addresses: addresses(), today: todayInVietnam(this.deps.clock.now()) })
        const parsed = v.safeParse(schema, { ...submitted, ...body.form })
        if (!parsed.success) for (const issue of parsed.issues) errors.push({ path: `form.${v.getDotPath(issue) ?? ''}`, message: issue.message })
      }
    }
    const files = body.components.some((c) => c.files.length > 0)
    if (!files && !body.form && !body.note) errors.push({ path: 'components', message: 'Bản bổ sung chưa có tệp, nội dung sửa tờ khai hay ghi chú nào.' })
    return errors
  }

  #store(
    session: Session,
    row: DossierRow,
    step: { kind: StepKind; id: string; hash: string; requestAt: string; body: unknown; payload: object; note: string; event: string; details: Record<string, number> },
  ): StepOutcome {
    const { db, clock, audit } = this.deps
    const now = clock.now()
    const at = vietnamIso(now)
    const written = db.$client
      .transaction(() => {
        // A concurrent request with the same id, or answering the same request, committed first.
        if (this.#replayed(session, row, step.kind, step.id, step.hash)) return undefined
        if (this.#s.answering.get(row.id, step.kind, step.requestAt)) throw stepAlreadySent('Yêu cầu này đã được gửi từ một thiết bị khác, đang chờ cơ quan tiếp nhận.')
        const outboxId = this.#s.outbox.get(row.id, step.kind, now.toISOString(), JSON.stringify(step.payload)) as number
        this.#s.step.run(step.id, row.id, session.userId, step.kind, step.requestAt, step.hash, JSON.stringify(step.body), outboxId, at)
        this.#s.history.run(row.id, row.status, at, step.note, step.event)
        this.#s.touch.run(nextChangeSeq(db), at, row.id)
        return audit.append({
          actor: session.sub,
          action: step.kind === 'supplement' ? 'supplement.submitted' : 'dossier.withdrawal-requested',
          target: row.id,
          details: { code: row.code, step: step.id, outbox: outboxId, ...step.details },
        })
      })
      .immediate()
    if (!written) return { created: false }
    audit.logged(written)
    return { created: true }
  }
}
