/**
 * Units a dossier can be handed to: the whole agency directory (the BFF answers it with the
 * officer's own agency and its units first). The picker groups them: the agency that holds the
 * dossier and its own units (the common handover), then every other agency.
 */
import type { OfficerUnit } from '@portal/shared/onestop/api'

/** A unit's name from the list, or its code when the list does not have it (yet). */
export function unitName(units: readonly OfficerUnit[], code: string | undefined): string {
  if (!code) return ''
  return units.find((u) => u.code === code)?.name ?? code
}

/** The units of `agency` (itself and those under it), and the rest, each in the list's order. */
export function groupUnits(units: readonly OfficerUnit[], agency: string): { own: OfficerUnit[]; others: OfficerUnit[] } {
  const isOwn = (u: OfficerUnit) => u.code === agency || u.parent === agency
  return { own: units.filter(isOwn), others: units.filter((u) => !isOwn(u)) }
}
