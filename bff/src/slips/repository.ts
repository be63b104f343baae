/**
 * What the slips read of the portal's dossiers: the receipt and the mirror of the dossier's life
 * (`dossiers.life`, written by the relay's inbound handler; null until the first status event,
 * which means "just registered").
 */
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { registered } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import type { Db } from '../db/open.ts'

export interface SlipDossier {
  id: string
  userId: number
  code: string
  externalCode?: string
  agencyCode: string
  receipt: DossierReceipt
  life: DossierLifeState
}

interface Row {
  id: string
  userId: number
  code: string
  externalCode: string | null
  agencyCode: string
  receipt: string
  life: string | null
  submittedAt: string
}

const COLUMNS = 'id, user_id AS userId, code, external_code AS externalCode, agency_code AS agencyCode, receipt, life, submitted_at AS submittedAt'

/** The dossier's life as the portal mirrors it. */
export function lifeOf(row: { life: string | null; submittedAt: string }): DossierLifeState {
  return row.life ? (JSON.parse(row.life) as DossierLifeState) : registered(row.submittedAt)
}

function toDossier(row: Row): SlipDossier {
  return {
    id: row.id,
    userId: row.userId,
    code: row.code,
    ...(row.externalCode ? { externalCode: row.externalCode } : {}),
    agencyCode: row.agencyCode,
    receipt: JSON.parse(row.receipt) as DossierReceipt,
    life: lifeOf(row),
  }
}

export class SlipRepository {
  readonly #s

  constructor(db: Db) {
    const c = db.$client
    this.#s = {
      find: c.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE id = ?`),
      // submitted_at is ISO 8601 with +07:00 on every row (intake writes it so): text order is time order.
      range: c.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE agency_code = ? AND submitted_at >= ? AND submitted_at < ? ORDER BY submitted_at, code LIMIT ?`),
    }
  }

  find(id: string): SlipDossier | undefined {
    const row = this.#s.find.get(id) as Row | undefined
    return row && toDossier(row)
  }

  /** Dossiers registered with `agencyCode` from `fromIso` (inclusive) to `untilIso` (exclusive), oldest first; at most `limit`. */
  registered(agencyCode: string, fromIso: string, untilIso: string, limit: number): SlipDossier[] {
    return (this.#s.range.all(agencyCode, fromIso, untilIso, limit) as Row[]).map(toDossier)
  }
}
