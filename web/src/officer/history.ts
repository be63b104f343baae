/**
 * Reading a dossier's history for the screen: the control slip (Phiếu kiểm soát quá trình giải
 * quyết, Mẫu 05) is the list of handovers between units — each `startProcessing` or `transfer`
 * step, from the unit that held the dossier before it to the one holding it after.
 */
import type { OfficerDossier } from '@portal/shared/onestop/api'

type HistoryEntry = OfficerDossier['history'][number]

export interface Handover {
  at: string
  fromUnit?: string
  toUnit: string
  note?: string
  actor?: string
}

export function controlSlip(history: readonly HistoryEntry[]): Handover[] {
  const handovers: Handover[] = []
  let holder: string | undefined
  for (const entry of history) {
    if ((entry.event === 'startProcessing' || entry.event === 'transfer') && entry.unit) {
      handovers.push({
        at: entry.at,
        ...(holder ? { fromUnit: holder } : {}),
        toUnit: entry.unit,
        ...(entry.note ? { note: entry.note } : {}),
        ...(entry.actor ? { actor: entry.actor } : {}),
      })
    }
    if (entry.unit) holder = entry.unit
  }
  return handovers
}
