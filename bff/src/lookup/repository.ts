/**
 * What the look-up reads: one dossier by its code (the unique index on `dossiers.code`) with its
 * life in the one-stop-shop (`dossiers.life`, written by the relay's inbound handler), and, for
 * the owner only, its history. Read-only; statements prepared once.
 */
import type { DossierReceipt, DossierStatus } from '@portal/shared/dossiers/schema'
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import type { Db } from '../db/open.ts'

export interface LookupRow {
  id: string
  userId: number
  code: string
  status: DossierStatus
  submittedAt: string
  /** The procedure and agency as named on the receipt (at submission). */
  procedure: DossierReceipt['procedure']
  agency: DossierReceipt['agency']
  /** Null until the first status event (the dossier is then `registered` at `submittedAt`). */
  life: DossierLifeState | null
}

export interface LookupHistoryRow {
  status: DossierStatus
  at: string
  unit: string | null
  note: string | null
}

interface StoredRow {
  id: string
  userId: number
  code: string
  status: string
  submittedAt: string
  receipt: string
  life: string | null
}

export class LookupRepository {
  readonly #byCode
  readonly #history

  constructor(db: Db) {
    const c = db.$client
    this.#byCode = c.prepare(
      'SELECT id, user_id AS userId, code, status, submitted_at AS submittedAt, receipt, life FROM dossiers WHERE code = ?',
    )
    this.#history = c.prepare('SELECT status, at, unit, note FROM dossier_history WHERE dossier_id = ? ORDER BY id')
  }

  byCode(code: string): LookupRow | undefined {
    const row = this.#byCode.get(code) as StoredRow | undefined
    if (!row) return undefined
    const receipt = JSON.parse(row.receipt) as DossierReceipt
    return {
      id: row.id,
      userId: row.userId,
      code: row.code,
      status: row.status as DossierStatus,
      submittedAt: row.submittedAt,
      procedure: receipt.procedure,
      agency: receipt.agency,
      life: row.life === null ? null : (JSON.parse(row.life) as DossierLifeState),
    }
  }

  history(dossierId: string): LookupHistoryRow[] {
    return this.#history.all(dossierId) as LookupHistoryRow[]
  }
}
