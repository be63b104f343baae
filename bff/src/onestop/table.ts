/**
 * Tables of the embedded one-stop-shop system (issue 6): a system of its own inside the BFF, with
 * no reference to the portal's `dossiers` (it learns of a dossier only through a relay message,
 * as a province's system would).
 *
 * - `onestop_dossiers`: each dossier it received, with its life state (DossierLifeState, JSON) and
 *   the columns the officers' queue sorts and filters on. `next_seq` is the sequence number the
 *   next status event of the dossier takes (from 1).
 * - `onestop_messages`: every relay message key seen and the answer given, so a message
 *   delivered again gets the same answer and changes nothing (idempotency).
 * - `onestop_events`: the status events for the portal, written in the transaction that changes
 *   the state, pushed to the portal's inbound after the commit; `pushed_at` stays null until the
 *   inbound answered, so a crash between commit and push loses nothing (pushed again at start).
 * - `onestop_files`: the files of each dossier (its components, the result): what an officer may
 *   preview, with the type to serve them as.
 * - `onestop_supplements`: what the applicant sent to answer each supplement request (the
 *   request by its position in the life's `supplements`, from 0): the components with their files
 *   in the order sent, the note and the form's corrections, so the officer sees them beside it.
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const onestopDossiers = sqliteTable(
  'onestop_dossiers',
  {
    /** The portal's dossier id (the client UUID). */
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    agencyCode: text('agency_code').notNull(),
    applicantName: text('applicant_name').notNull(),
    status: text('status').notNull(),
    unit: text('unit'),
    /** ISO 8601 with +07:00. */
    registeredAt: text('registered_at').notNull(),
    registeredMs: integer('registered_ms').notNull(),
    /** Queue order: 0 open with a due date, 1 open without one, 2 closed (queue.ts). */
    rank: integer('rank').notNull(),
    /** The due instant in epoch ms while the dossier is open and has one; 0 otherwise. */
    dueMs: integer('due_ms').notNull(),
    /** DossierLifeState, JSON. */
    state: text('state').notNull(),
    /** DossierSubmission, JSON. */
    submission: text('submission').notNull(),
    /** DossierReceipt, JSON. */
    receipt: text('receipt').notNull(),
    nextSeq: integer('next_seq').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('onestop_dossiers_queue').on(t.agencyCode, t.rank, t.dueMs, t.registeredMs, t.id)],
)

export const onestopMessages = sqliteTable('onestop_messages', {
  /** The relay message's idempotency key. */
  key: text('key').primaryKey(),
  dossierId: text('dossier_id').notNull(),
  kind: text('kind').notNull(),
  /** The answer given, JSON: `{ ok: true, ack }` or `{ ok: false, code, message }`. */
  answer: text('answer').notNull(),
  receivedAt: text('received_at').notNull(),
})

export const onestopEvents = sqliteTable(
  'onestop_events',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => onestopDossiers.id),
    seq: integer('seq').notNull(),
    /** LifeEvent, JSON. */
    event: text('event').notNull(),
    /** Who acted (officer's name); null for the applicant's own steps. */
    actor: text('actor'),
    /** `sub` of the officer, for the register; null for the applicant's steps. */
    actorSub: text('actor_sub'),
    createdAt: text('created_at').notNull(),
    /** Set once the portal's inbound answered; null: still to push. */
    pushedAt: text('pushed_at'),
    /** The inbound's outcome (applied, duplicate, waiting, refused:<code>). */
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.seq] }), index('onestop_events_pending').on(t.dossierId, t.seq).where(sql`pushed_at IS NULL`)],
)

export const onestopFiles = sqliteTable(
  'onestop_files',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => onestopDossiers.id),
    sha256: text('sha256').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    /** 'component' (submitted with the dossier or a supplement) or 'result'. */
    role: text('role', { enum: ['component', 'result'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.sha256] })],
)

export const onestopSupplements = sqliteTable(
  'onestop_supplements',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => onestopDossiers.id),
    /** The request answered: its position in DossierLifeState.supplements, from 0. */
    request: integer('request').notNull(),
    /** SubmittedComponent[], JSON, in the order sent. */
    components: text('components').notNull(),
    /** Corrected form answers, JSON; null when none. */
    form: text('form'),
    note: text('note'),
    /** The relay message that brought it. */
    messageKey: text('message_key').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.request] })],
)
