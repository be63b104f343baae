/**
 * What the statistics read: every dossier submitted before the range ends, with its mirrored
 * life (a dossier with no status event yet was never received: it counts nowhere), and every
 * rating. `submitted_at` is ISO 8601 with +07:00 on every row, so text order is time order.
 */
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import type { Db } from '../db/open.ts'
import type { CountedDossier } from './count.ts'

export class StatisticsRepository {
  readonly #dossiers

  constructor(db: Db) {
    this.#dossiers = db.$client.prepare(
      'SELECT id, agency_code AS agencyCode, procedure_code AS procedureCode, life FROM dossiers WHERE life IS NOT NULL AND submitted_at < ?',
    )
  }

  /** Dossiers submitted before `before` (ISO 8601 with +07:00). */
  dossiers(before: string): CountedDossier[] {
    const rows = this.#dossiers.all(before) as { id: string; agencyCode: string; procedureCode: string; life: string }[]
    return rows.map((r) => ({ id: r.id, agencyCode: r.agencyCode, procedureCode: r.procedureCode, life: JSON.parse(r.life) as DossierLifeState }))
  }
}
