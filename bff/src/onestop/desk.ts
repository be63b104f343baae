/**
 * An officer's work on the embedded one-stop-shop's dossiers: what they may see, and each action
 * (OfficerAction) turned into a lifecycle event and applied.
 *
 * Checks, in order: the dossier exists and belongs to an agency where the officer holds a role
 * (otherwise 404: others' ids are not confirmed); the officer holds the duty the action needs
 * there (403, duties.ts); what the server adds is valid (the catalogue's processing time at
 * receipt, the result file among the officer's own uploads: 400/422); then the state machine in
 * one immediate transaction with its writes (life.ts; a refusal is a 409 and writes nothing).
 * The time is the server's. After the commit: the audit line, the uncertain-date warning, and the
 * status event pushed to the portal.
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import type { ProcessingTimeRule } from '@portal/shared/lifecycle/working-days'
import type { OfficerAction } from '@portal/shared/onestop/api'
import type { Duty } from '../accounts/roles.ts'
import { ensureAgency, hasAgency } from '../auth/access.ts'
import { forbidden } from '../auth/problems.ts'
import type { Session } from '../auth/sessions.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import { vietnamIso } from '../dossiers/codes.ts'
import { invalidInput, notFound } from '../http/problem.ts'
import type { Logger } from '../log.ts'
import type { UploadRepository } from '../uploads/repository.ts'
import { DUTY_NAME, DUTY_OF } from './duties.ts'
import { applyEvent, reportEffects, type Actor, type LifeDeps } from './life.ts'
import { processingTimeMissing, resultFileUnknown, TransitionRefused } from './problems.ts'
import type { EventPump } from './pump.ts'
import type { OneStopFile, OneStopRow } from './repository.ts'

export interface DeskDeps extends LifeDeps {
  clock: Clock
  logger: Logger
  pump: EventPump
  store: CatalogStore
  uploads: UploadRepository
}

/** The agencies where the session holds an officer role. */
export function officerAgencies(session: Session): string[] {
  return [...new Set(session.assignments.flatMap((a) => (a.role === 'officer' ? [a.agencyCode] : [])))]
}

/** The session's duties at `agencyCode`. */
export function dutiesAt(session: Session, agencyCode: string): Duty[] {
  return session.assignments.flatMap((a) => (a.role === 'officer' && a.agencyCode === agencyCode ? [a.duty] : []))
}

function actorOf(session: Session): Actor {
  const name = session.profile?.name
  return { sub: session.sub, name: typeof name === 'string' && name.trim() ? name.trim() : session.sub }
}

/**
 * The processing time to count from: the option `index` of the procedure, or by default the
 * first that applies to online submissions (no channel, or 'online'), else the first.
 */
export function processingTimeOf(procedure: Procedure | undefined, index: number | undefined): ProcessingTimeRule {
  if (!procedure) throw processingTimeMissing('Thủ tục của hồ sơ không còn trong danh mục: không tính được hạn giải quyết.')
  const options = procedure.processingTime.options
  if (options.length === 0) throw processingTimeMissing(`Thủ tục ${procedure.code} chưa công bố thời hạn giải quyết có cấu trúc: cần bổ sung vào danh mục trước khi tiếp nhận.`)
  if (index !== undefined && index >= options.length) {
    throw invalidInput([{ path: 'processingOption', message: `Thủ tục có ${options.length} lựa chọn thời hạn (0–${options.length - 1}).` }])
  }
  const chosen = index !== undefined ? options[index]! : (options.find((o) => !o.channel || o.channel === 'online') ?? options[0]!)
  return { amount: chosen.amount, unit: chosen.unit }
}

export class OfficerDesk {
  constructor(private readonly deps: DeskDeps) {}

  holidays(): HolidayTable {
    return this.deps.holidays()
  }

  /** The dossier, if it belongs to one of the session's agencies; 404 otherwise. */
  visible(session: Session, id: string): OneStopRow {
    const row = this.deps.repository.find(id)
    if (!row) throw notFound('Không có hồ sơ này.')
    ensureAgency(session, row.agencyCode)
    return row
  }

  /** Applies `action` to dossier `id` and returns the dossier as it is after. */
  act(session: Session, id: string, action: OfficerAction): OneStopRow {
    const { repository, audit, logger, pump, clock } = this.deps
    const row = this.visible(session, id)
    const duty = DUTY_OF[action.type]
    if (!hasAgency(session, row.agencyCode, [duty])) throw forbidden(`Thao tác này cần nhiệm vụ ${DUTY_NAME[duty]} tại cơ quan tiếp nhận hồ sơ.`)
    const at = vietnamIso(clock.now())
    const { event, file } = this.#event(session, row, action, at)
    const applied = repository.db.$client
      .transaction(() => applyEvent(this.deps, repository.find(id)!, event, actorOf(session), file ? { file } : {}))
      .immediate()
    if (!applied.ok) {
      logger.info({ dossier: id, action: action.type, code: applied.code, officer: session.sub }, 'officer action refused by the lifecycle')
      throw new TransitionRefused(applied.code, applied.message)
    }
    audit.logged(applied.audit)
    reportEffects(logger, id, applied.effects)
    pump.drain()
    return applied.row
  }

  /** The lifecycle event for `action`, with what the server adds. */
  #event(session: Session, row: OneStopRow, action: OfficerAction, at: string): { event: LifeEvent; file?: OneStopFile } {
    switch (action.type) {
      case 'receive': {
        const procedure = this.deps.store.snapshot().byCode.get(row.procedureCode)
        // The receiving agency holds the dossier first; startProcessing hands it to a unit.
        return { event: { type: 'receive', at, unit: row.agencyCode, processingTime: processingTimeOf(procedure, action.processingOption) } }
      }
      case 'returnResult': {
        const grant = this.deps.uploads.grantOf(session.userId, action.resultSha256)
        if (!grant) throw resultFileUnknown()
        return {
          event: { type: 'returnResult', at, resultFile: action.resultSha256 },
          file: { sha256: grant.sha256, type: grant.type, name: grant.name, size: grant.size, role: 'result' },
        }
      }
      case 'apologiseLate':
        // Any offset the client used, stored as Vietnam time like every other instant.
        return { event: { ...action, at, newDueAt: vietnamIso(new Date(action.newDueAt)) } }
      case 'refuse':
      case 'requestSupplement':
      case 'startProcessing':
      case 'transfer':
      case 'recordOpinion':
      case 'requireFees':
      case 'feesPaid':
      case 'approve':
      case 'stop':
        return { event: { ...action, at } }
    }
  }
}
