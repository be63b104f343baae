/**
 * The applicant's view of a dossier (DossierView): the receipt, every step of its history with
 * the lifecycle event and the unit (named from the agency directory as administrators keep it),
 * and `progress`, read from the portal's mirror of the dossier's life (`dossiers.life`, moved
 * only by the relay's inbound handler):
 *
 * - `receivedAt`, `dueAt`: the latest complete receipt and the due date in force; `overdue` only
 *   while the dossier is open, judged at the time of the answer (a phone offline judges it again
 *   from `dueAt`);
 * - `unit`: who holds the dossier; `supplementRequest`: the open request's items (Mẫu 02), only
 *   while the status is supplementRequested, with `sentAt` once the applicant's supplement left; `apology`: the one apology (Mẫu 04);
 * - `fees`: while the status is financialObligation, from the step that required them (the
 *   machine records `<amount> VND: <description>` as its note: slips read the history the same
 *   way);
 * - `result`: the returned file's name, type, size and SHA-256, once the one-stop-shop holds it
 *   (GET /api/dossiers/{id}/result serves it); `slips`: the slips issued so far, exactly those
 *   GET /api/dossiers/{id}/slips/{form} serves (slips/issued.ts).
 *
 * The changes cursor builds a view per changed dossier, so every read here is a statement
 * prepared once and the directory's names are indexed once per published directory.
 */
import type { AgencyDirectory } from '@portal/shared/catalog/schema'
import type { DossierProgress, DossierReceipt, DossierStatus, DossierView } from '@portal/shared/dossiers/schema'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { FINAL_STATUSES, registered } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState, EventType, HistoryEntry } from '@portal/shared/lifecycle/types'
import { isOverdue } from '@portal/shared/lifecycle/working-days'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { ratingOf } from '../ratings/repository.ts'
import { issuedSlips } from '../slips/issued.ts'
import type { DossierRow } from './repository.ts'
import { ResultFiles } from './result.ts'

export interface DossierViewDeps {
  db: Db
  clock: Clock
  store: CatalogStore
  /** The holiday table in force (which slips a life has issued is read with it). */
  holidays: () => HolidayTable
}

interface HistoryRow {
  status: DossierStatus
  at: string
  note: string | null
  event: string | null
  unit: string | null
}

/** The note the machine writes when fees are required (shared/src/lifecycle/machine.ts, requireFees). */
const FEES_NOTE = /^(\d+) VND: ([\s\S]*)$/

/** The dossier's life as the portal mirrors it; null until the first status event: just registered. */
export function lifeOf(row: Pick<DossierRow, 'life' | 'submittedAt'>): DossierLifeState {
  return row.life ? (JSON.parse(row.life) as DossierLifeState) : registered(row.submittedAt)
}

function lastStep(life: DossierLifeState, event: EventType): HistoryEntry | undefined {
  for (let i = life.history.length - 1; i >= 0; i--) if (life.history[i]!.event === event) return life.history[i]
  return undefined
}

export class DossierViews {
  readonly #history
  readonly #results: ResultFiles
  readonly #names = new WeakMap<AgencyDirectory, Map<string, string>>()

  constructor(private readonly deps: DossierViewDeps) {
    this.#history = deps.db.$client.prepare('SELECT status, at, note, event, unit FROM dossier_history WHERE dossier_id = ? ORDER BY id')
    this.#results = new ResultFiles(deps.db)
  }

  view(row: DossierRow): DossierView {
    const names = this.#unitNames()
    const unit = (code: string) => ({ code, name: names.get(code) ?? code })
    const history = this.#history.all(row.id) as HistoryRow[]
    return {
      id: row.id,
      code: row.code,
      ...(row.externalCode ? { externalCode: row.externalCode } : {}),
      procedureCode: row.procedureCode,
      status: row.status as DossierStatus,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      seq: row.seq,
      receipt: JSON.parse(row.receipt) as DossierReceipt,
      history: history.map((h) => ({
        status: h.status,
        at: h.at,
        ...(h.note ? { note: h.note } : {}),
        ...(h.event ? { event: h.event } : {}),
        ...(h.unit ? { unit: unit(h.unit) } : {}),
      })),
      progress: this.#progress(row, lifeOf(row), unit, history),
    }
  }

  #progress(row: DossierRow, life: DossierLifeState, unit: (code: string) => { code: string; name: string }, history: readonly HistoryRow[]): DossierProgress {
    const status = row.status as DossierStatus
    const open = !FINAL_STATUSES.includes(status)
    const slips = issuedSlips(life, this.deps.holidays())
    const apology = slips.get(4)
    const request = status === 'supplementRequested' ? life.supplements.at(-1) : undefined
    // The supplement sent for this request and not yet applied: the phone says so instead of asking again.
    const sent = request && history.filter((h) => h.event === 'supplementSent' && Date.parse(h.at) >= Date.parse(request.requestedAt)).at(-1)
    const fees = status === 'financialObligation' ? FEES_NOTE.exec(lastStep(life, 'requireFees')?.note ?? '') : null
    const returned = life.resultFile ? this.#results.find(row.id, life.resultFile) : undefined
    const returnedAt = lastStep(life, 'returnResult')?.at
    return {
      ...(life.receivedAt ? { receivedAt: life.receivedAt } : {}),
      ...(life.dueAt ? { dueAt: life.dueAt, overdue: open && isOverdue(this.deps.clock.now(), life.dueAt) } : {}),
      ...(life.unit ? { unit: unit(life.unit) } : {}),
      ...(request ? { supplementRequest: { requestedAt: request.requestedAt, items: request.items, ...(sent ? { sentAt: sent.at } : {}) } } : {}),
      ...(apology?.form === 4 && apology.newDueAt ? { apology: { at: apology.at, reason: apology.reason, newDueAt: apology.newDueAt } } : {}),
      ...(fees ? { fees: { amountVnd: Number(fees[1]), description: fees[2]! } } : {}),
      ...(returned && returnedAt ? { result: { sha256: returned.sha256, name: returned.name, type: returned.type, size: returned.size, returnedAt } } : {}),
      slips: [...slips.keys()].sort(),
      rating: ratingOf(this.deps.db, row.id),
    }
  }

  /** Unit code → name over the whole directory (units and deactivated entries too: history keeps old ones). */
  #unitNames(): Map<string, string> {
    const { directory } = this.deps.store.snapshot()
    let names = this.#names.get(directory)
    if (!names) {
      names = new Map(directory.agencies.map((a) => [a.code, a.name]))
      this.#names.set(directory, names)
    }
    return names
  }
}
