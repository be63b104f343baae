/**
 * One step of a dossier's life in the embedded one-stop-shop, as one set of writes: the shared
 * state machine decides (shared/src/lifecycle/machine.ts); if it allows the step, the new state,
 * the status event for the portal (the dossier's next sequence number), any result file and the
 * audit entry are written together. The caller holds an immediate transaction around it and,
 * after the commit, logs the audit entry and pushes the event (pump.ts). A refusal writes nothing.
 */
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { FINAL_STATUSES, transition } from '@portal/shared/lifecycle/machine'
import type { LifecycleErrorCode } from '@portal/shared/lifecycle/messages'
import type { DossierLifeState, Effect, LifeEvent } from '@portal/shared/lifecycle/types'
import { toMs } from '@portal/shared/lifecycle/working-days'
import type { AuditEntry, Json } from '../audit/chain.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Logger } from '../log.ts'
import { OneStopRepository, type OneStopFile, type OneStopRow } from './repository.ts'

/** The officer who acts; null for the applicant's steps that come through the relay. */
export interface Actor {
  sub: string
  name: string
}

export interface LifeDeps {
  repository: OneStopRepository
  audit: AuditLog
  holidays: () => HolidayTable
}

export type Applied =
  | { ok: true; row: OneStopRow; seq: number; effects: Effect[]; audit: AuditEntry }
  | { ok: false; code: LifecycleErrorCode; message: { vi: string; en: string } }

/** Where a dossier stands in the officers' queue (queue.ts explains the order). */
export function queueKeys(state: DossierLifeState): { rank: number; dueMs: number } {
  if (FINAL_STATUSES.includes(state.status)) return { rank: 2, dueMs: 0 }
  if (state.dueAt) return { rank: 0, dueMs: toMs(state.dueAt) }
  return { rank: 1, dueMs: 0 }
}

/**
 * Applies `event` to the dossier `row` inside the caller's open immediate transaction.
 * `file` is stored with the dossier when the step is allowed (the returned result).
 */
export function applyEvent(deps: LifeDeps, row: OneStopRow, event: LifeEvent, actor: Actor | null, extra: { file?: OneStopFile; via?: string } = {}): Applied {
  const before = OneStopRepository.state(row)
  const result = transition(before, event, { table: deps.holidays() })
  if (!result.ok) return result
  const seq = row.nextSeq
  const next: OneStopRow = {
    ...row,
    status: result.state.status,
    unit: result.state.unit ?? null,
    ...queueKeys(result.state),
    state: JSON.stringify(result.state),
    nextSeq: seq + 1,
    updatedAt: event.at,
  }
  deps.repository.update(next)
  deps.repository.addEvent({ dossierId: row.id, seq, event: JSON.stringify(event), actor: actor?.name ?? null, actorSub: actor?.sub ?? null, createdAt: event.at })
  if (extra.file) deps.repository.addFile(row.id, extra.file)
  // What the officer said (reasons, items, units...): the event without its time and type.
  const said = JSON.parse(JSON.stringify(event)) as { [key: string]: Json }
  delete said.at
  delete said.type
  const audit = deps.audit.append({
    actor: actor?.sub ?? null,
    action: `onestop.${event.type}`,
    target: row.id,
    details: {
      code: row.code,
      from: before.status,
      to: result.state.status,
      seq,
      ...(extra.via ? { via: extra.via } : {}),
      ...said,
    },
  })
  return { ok: true, row: next, seq, effects: result.effects, audit }
}

/** Logs what a step asks to be logged: a due date counted past the holiday table or over unconfirmed days. */
export function reportEffects(logger: Logger, dossierId: string, effects: readonly Effect[]): void {
  for (const effect of effects) {
    if (effect.kind === 'due-date-uncertain') {
      logger.warn({ dossier: dossierId, dueAt: effect.dueAt, beyondTable: effect.beyondTable, provisional: effect.provisional }, 'due date counted past the holiday table or over unconfirmed days')
    }
  }
}
