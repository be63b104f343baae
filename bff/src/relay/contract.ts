/**
 * The seams between the portal's side of a dossier and the one-stop-shop system (issue 6).
 *
 * Outbound: the intake commits a `relay_outbox` row with the dossier; the relay worker hands each
 * row, in order per dossier, to the configured `OneStopConnector` (embedded module or the HTTP
 * client for a province's system behind the LGSP) until it is acknowledged. The message key is
 * the idempotency key: the one-stop-shop side must treat a key it has seen as already done.
 *
 * Inbound: whatever the connector, status changes come back as `StatusEvent`s with a per-dossier
 * sequence number through one `StatusInbound`. It applies them in order with the shared state
 * machine (shared/src/lifecycle), to the portal's mirror of the dossier, and tells its listeners
 * (notices, slips) what changed.
 */
import type { DossierReceipt, DossierStatus, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { DossierLifeState, Effect, LifeEvent } from '@portal/shared/lifecycle/types'

export type RelayMessageKind = 'submitted' | 'supplement' | 'withdrawal'

export interface RelayMessage {
  /** Idempotency key: stable across retries and restarts (e.g. `<dossier id>:<outbox id>`). */
  key: string
  dossierId: string
  kind: RelayMessageKind
  /** JSON body: for 'submitted', the dossier as received (code, procedure, agency, submission, receipt). */
  payload: unknown
}

export interface DeliveryAck {
  /** The province system's own code for the dossier, kept beside ours and shown. */
  externalCode?: string
}

/** Throw to retry later (network, 5xx, timeout); a `PermanentDeliveryError` parks the message. */
export interface OneStopConnector {
  readonly name: 'embedded' | 'http'
  /**
   * Deliveries it takes at once when it knows better than RELAY_CONCURRENCY, which sizes the
   * load on a remote system (the embedded module, in-process, takes many).
   */
  readonly concurrency?: number
  deliver(message: RelayMessage, signal: AbortSignal): Promise<DeliveryAck>
  /**
   * The bytes of a file the one-stop-shop holds for a dossier (its result), for a connector whose
   * files live on the other side; the embedded module stores them in the portal's blob store and
   * has none. Throws when the file cannot be had now.
   */
  fetchFile?(dossierId: string, sha256: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>
}

export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError'
}

/** One step of a dossier's life as the one-stop-shop reports it. `seq` starts at 1 per dossier. */
export interface StatusEvent {
  dossierId: string
  seq: number
  event: LifeEvent
  /** Who acted (officer display name or unit), for the history. */
  actor?: string
  externalCode?: string
  /**
   * With a returnResult event from a province's system: what the file named by `resultFile` is
   * (its bytes stay there until the portal fetches them, dossiers/result-fetch.ts).
   */
  result?: ResultFileFacts
}

/** A result file's name, media type and size in bytes, as the one-stop-shop gives them. */
export interface ResultFileFacts {
  name: string
  type: string
  size: number
}

export type InboundOutcome =
  | { outcome: 'applied'; status: DossierStatus }
  | { outcome: 'duplicate' }
  /** Arrived before earlier ones: kept and applied when the gap is filled. */
  | { outcome: 'waiting'; expected: number }
  /** Illegal even in order (or unknown dossier): refused and logged, nothing changed. */
  | { outcome: 'refused'; code: string; message: string }

export interface StatusInbound {
  accept(event: StatusEvent): InboundOutcome
}

/** What listeners (notices, slips, statistics) hear after an event was applied and committed. */
export interface AppliedChange {
  dossierId: string
  dossierCode: string
  userId: number
  agencyCode: string
  procedureCode: string
  from: DossierStatus
  to: DossierStatus
  event: LifeEvent
  effects: Effect[]
  state: DossierLifeState
}

export type AppliedChangeListener = (change: AppliedChange) => void | Promise<void>

/** Where listeners register: the inbound handler. `onApplied` returns the function that removes the listener. */
export interface AppliedChanges {
  onApplied(listener: AppliedChangeListener): () => void
}

/** The payload of a 'submitted' message: the dossier as the portal received it. */
export interface SubmittedPayload {
  receipt: DossierReceipt
  submission: DossierSubmission
}
