/**
 * Tables of dossiers received online (intake). The submission, the receipt and the view are
 * stored as validated JSON (the shared schemas are the contract); columns hold what is queried.
 *
 * - `dossiers.id` is the client-generated UUID (design decision 4): its primary key is the
 *   idempotency constraint. `submission_hash` is the canonical hash of the normalised
 *   submission, compared when the same id comes again. `code` is unique.
 * - `dossier_code_counters`: one row per (receiving agency, Vietnam day), incremented in the
 *   intake transaction, so codes are unique and gapless (a rolled back intake takes its number
 *   back with it).
 * - `dossier_sequence`: one row, the last change sequence; each change of a dossier takes the
 *   next number into `dossiers.seq` (the cursor of GET /api/dossiers/changes).
 * - `relay_outbox`: what the relay worker must deliver to the one-stop-shop; the row commits
 *   with the dossier (transactional outbox). Its delivery columns are the worker's state, so a
 *   restart resumes where it stopped (src/relay/worker.ts, docs/decisions/0011-relay.md).
 * - `dossiers.life` / `last_event_seq`: the portal's mirror of the dossier's life in the
 *   one-stop-shop, moved only by the relay's inbound handler (src/relay/inbound.ts).
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from '../accounts/table.ts'

export const dossiers = sqliteTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    code: text('code').notNull().unique(),
    procedureCode: text('procedure_code').notNull(),
    agencyCode: text('agency_code').notNull(),
    status: text('status').notNull(),
    externalCode: text('external_code'),
    /** SHA-256 (hex) of the canonical JSON of the submission as validated at the edge. */
    submissionHash: text('submission_hash').notNull(),
    /** The submission (form values normalised), JSON. */
    submission: text('submission').notNull(),
    /** DossierReceipt, JSON. */
    receipt: text('receipt').notNull(),
    /** ISO 8601 with +07:00. */
    submittedAt: text('submitted_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    seq: integer('seq').notNull().unique(),
    /** DossierLifeState (shared/src/lifecycle), JSON; null until the first status event: `registered(submittedAt)`. */
    life: text('life'),
    /** The sequence number of the last status event applied (0: none yet). */
    lastEventSeq: integer('last_event_seq').notNull().default(0),
  },
  (t) => [index('dossiers_user_seq').on(t.userId, t.seq)],
)

/** The files of a dossier, by component: what blob-store garbage collection must keep. */
export const dossierFiles = sqliteTable(
  'dossier_files',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    componentId: text('component_id').notNull(),
    position: integer('position').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.componentId, t.position] }), index('dossier_files_sha256').on(t.sha256)],
)

export const dossierHistory = sqliteTable(
  'dossier_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    status: text('status').notNull(),
    at: text('at').notNull(),
    note: text('note'),
    /** The life event that made this step (shared/src/lifecycle EventType); null for the intake. */
    event: text('event'),
    /** Who acted in the one-stop-shop (officer or unit), as reported. */
    actor: text('actor'),
    /** The unit holding the dossier after this step. */
    unit: text('unit'),
  },
  (t) => [index('dossier_history_dossier').on(t.dossierId, t.id)],
)

export const dossierCodeCounters = sqliteTable(
  'dossier_code_counters',
  {
    agencyCode: text('agency_code').notNull(),
    /** YYMMDD of the receipt date in Vietnam time. */
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
)

export const dossierSequence = sqliteTable(
  'dossier_sequence',
  {
    id: integer('id').primaryKey(),
    seq: integer('seq').notNull(),
  },
  (t) => [check('dossier_sequence_single_row', sql`${t.id} = 1`)],
)

export const relayOutbox = sqliteTable(
  'relay_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The kind of message (RelayMessageKind): 'submitted', 'supplement', 'withdrawal'. */
    message: text('message').notNull(),
    createdAt: text('created_at').notNull(),
    /** JSON the message carries beyond the dossier; null for 'submitted' (built from the dossier row when sent). */
    payload: text('payload'),
    /** Delivery attempts that failed so far. */
    attempts: integer('attempts').notNull().default(0),
    /** Epoch milliseconds before which the worker does not try again (backoff); 0: at once. */
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    deliveredAt: text('delivered_at'),
    /** Set when the one-stop-shop refused the message for good (4xx): it waits for an operator. */
    parkedAt: text('parked_at'),
    lastError: text('last_error'),
    /** Times an administrator sent it again after it was parked: each resend is a new message key. */
    resends: integer('resends').notNull().default(0),
  },
  (t) => [
    index('relay_outbox_dossier').on(t.dossierId),
    index('relay_outbox_pending')
      .on(t.nextAttemptAt, t.id)
      .where(sql`delivered_at IS NULL AND parked_at IS NULL`),
  ],
)

/**
 * The applicant's steps after intake (issue 7): a supplement (bổ sung hồ sơ) or a withdrawal
 * (rút hồ sơ), each sent through the device's outbox under a client UUID, `id`, its idempotency
 * key. Stored with the relay_outbox row (`outbox_id`) that carries it to the one-stop-shop.
 * `request_at` says what the step answers: for a supplement, the time of the supplement request
 * (Mẫu 02) it answers; '' for a withdrawal. Unique per dossier and kind, so a request is answered
 * once and a dossier withdrawn once, even by two devices at the same moment.
 */
export const dossierSteps = sqliteTable(
  'dossier_steps',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['supplement', 'withdrawal'] }).notNull(),
    requestAt: text('request_at').notNull(),
    /** SHA-256 (hex) of the canonical JSON of the body as validated, compared when the same id comes again. */
    bodyHash: text('body_hash').notNull(),
    /** SupplementSubmission or WithdrawalRequest, JSON. */
    body: text('body').notNull(),
    outboxId: integer('outbox_id').notNull(),
    /** ISO 8601 with +07:00. */
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('dossier_steps_answer').on(t.dossierId, t.kind, t.requestAt)],
)
