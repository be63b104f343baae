/**
 * Reading a dossier's history for the screen: the control slip (Phiếu kiểm soát quá trình giải
 * quyết, Mẫu 05) is the list of handovers between units — each `startProcessing` or `transfer`
 * step, from the unit that held the dossier before it to the one holding it after; and how many
 * files each `supplementReceived` step brought. Requests are answered one at a time, in order,
 * so the k-th such step is the k-th request answered.
 */
import type { OfficerDossier } from '@portal/shared/onestop/api'

type HistoryEntry = OfficerDossier['history'][number]

/** The number of files by history index, for each supplement step whose files are known. */
export function suppliedFiles(history: readonly HistoryEntry[], supplements: OfficerDossier['supplements']): Map<number, number> {
  const answered = supplements.filter((s) => s.receivedAt)
  const counts = new Map<number, number>()
  let k = 0
  history.forEach((entry, i) => {
    if (entry.event !== 'supplementReceived') return
    const components = answered[k++]?.components
    if (components) counts.set(i, components.reduce((n, c) => n + c.files.length, 0))
  })
  return counts
}

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
