/**
 * The embedded one-stop-shop as the relay sees it (OneStopConnector, bff/src/relay/contract.ts).
 * Each message is taken in one write together with its key, so a key seen again answers what it
 * answered the first time and changes nothing. The write goes through the connection's group
 * commit (db/write-queue.ts), beside the intakes and the relay's acknowledgements: a dossier
 * relayed in-process costs no fsync of its own, which is what lets the relay keep up with intake
 * (docs/benchmarks.md). Being in-process, it takes up to `concurrency` deliveries at once
 * whatever RELAY_CONCURRENCY (sized for a remote system) says.
 *
 * - 'submitted' registers the dossier (status registered, Mới đăng ký) with its files; a dossier
 *   already registered under another key is acknowledged as it is;
 * - 'supplement' is the applicant's complete supplement (supplementReceived: the count restarts),
 *   kept with its files, note and form corrections beside the request it answers;
 * - 'withdrawal' is the applicant withdrawing (withdraw, only before processing).
 *
 * A message that can never be taken (a payload that does not pass the shared schemas, an unknown
 * dossier, a step the state machine refuses) is answered with a PermanentDeliveryError, the same
 * on every delivery, and the relay parks it. The embedded system gives no code of its own: the
 * portal's code is the dossier's code (design decision 3), so the acknowledgement is empty.
 */
import * as v from 'valibot'
import { registered } from '@portal/shared/lifecycle/machine'
import type { Effect, LifeEvent } from '@portal/shared/lifecycle/types'
import { PermanentDeliveryError, type DeliveryAck, type OneStopConnector, type RelayMessage } from '../relay/contract.ts'
import type { AuditEntry } from '../audit/chain.ts'
import type { Clock } from '../clock.ts'
import { writeQueueOf, type WriteQueue } from '../db/write-queue.ts'
import { vietnamIso } from '../dossiers/codes.ts'
import type { Logger } from '../log.ts'
import { applyEvent, queueKeys, reportEffects, type LifeDeps } from './life.ts'
import type { EventPump } from './pump.ts'
import { OneStopRepository, type OneStopRow, type StoredAnswer } from './repository.ts'
import { SubmittedPayloadSchema, SupplementPayloadSchema, WithdrawalPayloadSchema, type SupplementPayload } from './payload.ts'

export interface ConnectorDeps extends LifeDeps {
  clock: Clock
  logger: Logger
  pump: EventPump
}

interface Taken {
  answer: StoredAnswer
  audit?: AuditEntry
  /** Set when a step was applied: it wrote a status event, for the pump to push after the commit. */
  effects?: Effect[]
  replay: boolean
}

const refusal = (code: string, message: string): StoredAnswer => ({ ok: false, code, message })

export class EmbeddedConnector implements OneStopConnector {
  readonly name = 'embedded'
  readonly concurrency = 64
  readonly #writes: WriteQueue

  constructor(private readonly deps: ConnectorDeps) {
    this.#writes = writeQueueOf(deps.repository.db.$client)
  }

  async deliver(message: RelayMessage, signal: AbortSignal): Promise<DeliveryAck> {
    signal.throwIfAborted()
    const { audit, logger, pump } = this.deps
    const taken = await this.#writes.enqueue(() => this.#take(message))
    if (taken.audit) audit.logged(taken.audit)
    reportEffects(logger, message.dossierId, taken.effects ?? [])
    if (!taken.replay) logger.info({ key: message.key, dossier: message.dossierId, kind: message.kind, ok: taken.answer.ok }, 'one-stop-shop message taken')
    // Only a step (supplement, withdrawal) writes a status event; a registration has none to push.
    if (taken.effects) pump.drain()
    if (!taken.answer.ok) throw new PermanentDeliveryError(`${taken.answer.code}: ${taken.answer.message}`)
    return taken.answer.ack
  }

  /** Inside the group commit's transaction (its own savepoint). */
  #take(message: RelayMessage): Taken {
    const { repository } = this.deps
    const seen = repository.answerTo(message.key)
    if (seen) return { answer: seen, replay: true }
    const at = vietnamIso(this.deps.clock.now())
    const taken = message.kind === 'submitted' ? this.#register(message, at) : this.#step(message, at)
    repository.remember(message.key, message.dossierId, message.kind, taken.answer, at)
    return { ...taken, replay: false }
  }

  #register(message: RelayMessage, at: string): Omit<Taken, 'replay'> {
    const { repository, audit } = this.deps
    const parsed = v.safeParse(SubmittedPayloadSchema, message.payload)
    if (!parsed.success) return { answer: refusal('payload-invalid', `Dữ liệu hồ sơ không hợp lệ: ${parsed.issues[0]?.message ?? ''}`) }
    const { receipt, submission } = parsed.output
    if (receipt.id !== message.dossierId || submission.id !== message.dossierId) {
      return { answer: refusal('payload-invalid', 'Mã định danh hồ sơ trong thông điệp không khớp.') }
    }
    if (repository.find(message.dossierId)) return { answer: { ok: true, ack: {} } }
    const state = registered(receipt.receivedAt)
    repository.insert({
      id: receipt.id,
      code: receipt.code,
      procedureCode: receipt.procedure.code,
      procedureName: receipt.procedure.name,
      agencyCode: receipt.agency.code,
      applicantName: receipt.applicant.name,
      status: state.status,
      unit: null,
      registeredAt: receipt.receivedAt,
      registeredMs: Date.parse(receipt.receivedAt),
      ...queueKeys(state),
      state: JSON.stringify(state),
      submission: JSON.stringify(submission),
      receipt: JSON.stringify(receipt),
      nextSeq: 1,
      updatedAt: at,
    })
    for (const component of submission.components) {
      for (const f of component.files) repository.addFile(receipt.id, { sha256: f.sha256, type: f.type, name: f.name, size: f.size, role: 'component' })
    }
    const entry = audit.append({
      actor: null,
      action: 'onestop.registered',
      target: receipt.id,
      details: { code: receipt.code, agency: receipt.agency.code, procedure: receipt.procedure.code, key: message.key },
    })
    return { answer: { ok: true, ack: {} }, audit: entry }
  }

  /** A step of the applicant's: the supplement or the withdrawal. */
  #step(message: RelayMessage, at: string): Omit<Taken, 'replay'> {
    const { repository } = this.deps
    const row = repository.find(message.dossierId)
    if (!row) return { answer: refusal('unknown-dossier', 'Hệ thống một cửa không có hồ sơ này.') }
    let event: LifeEvent
    let supplied: SupplementPayload | undefined
    if (message.kind === 'supplement') {
      const parsed = v.safeParse(SupplementPayloadSchema, message.payload)
      if (!parsed.success) return { answer: refusal('payload-invalid', `Dữ liệu bổ sung không hợp lệ: ${parsed.issues[0]?.message ?? ''}`) }
      supplied = parsed.output ?? {}
      event = { type: 'supplementReceived', at }
    } else {
      const parsed = v.safeParse(WithdrawalPayloadSchema, message.payload)
      if (!parsed.success) return { answer: refusal('payload-invalid', `Dữ liệu rút hồ sơ không hợp lệ: ${parsed.issues[0]?.message ?? ''}`) }
      const reason = parsed.output?.reason?.trim()
      event = { type: 'withdraw', at, ...(reason ? { reason } : {}) }
    }
    const applied = applyEvent(this.deps, row, event, null, { via: message.key })
    if (!applied.ok) return { answer: refusal(applied.code, applied.message.vi) }
    if (supplied) this.#keepSupplement(row, supplied, message.key, at)
    return { answer: { ok: true, ack: {} }, audit: applied.audit, effects: applied.effects }
  }

  /**
   * Keeps what the supplement brought beside the request it answers: the open request, the last
   * one of the state before the step (the machine takes a supplement only while one is open).
   */
  #keepSupplement(row: OneStopRow, supplied: SupplementPayload, key: string, at: string): void {
    const { repository } = this.deps
    const components = supplied.components ?? []
    for (const f of components.flatMap((c) => c.files)) repository.addFile(row.id, { sha256: f.sha256, type: f.type, name: f.name, size: f.size, role: 'component' })
    const note = supplied.note?.trim()
    const form = supplied.form && Object.keys(supplied.form).length > 0 ? supplied.form : undefined
    const request = OneStopRepository.state(row).supplements.length - 1
    repository.addSupplement(row.id, { request, components, ...(form ? { form } : {}), ...(note ? { note } : {}) }, key, at)
  }
}
