/**
 * Dates in Vietnam time and dossier codes.
 *
 * Vietnam is UTC+7 all year (no daylight saving), so its wall clock is UTC shifted by 7 hours:
 * a dossier received at 2026-07-01T17:30Z was received on 2 July in Vietnam.
 *
 * Dossier code (TT 01/2018 Art. 19, design decision 3): `<receiving agency code>-YYMMDD-NNNN`,
 * NNNN the agency's sequence number of that Vietnam day, from 0001. Past 9,999 the number simply
 * grows to 5 digits (the caller logs a warning): intake never refuses for numbering.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The wall clock in Vietnam, as a Date whose UTC fields read as Vietnam time. */
function vietnamWall(at: Date): Date {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS)
}

/** YYMMDD of the Vietnam date of `at`. */
export function vietnamDay(at: Date): string {
  const w = vietnamWall(at)
  return `${pad(w.getUTCFullYear() % 100)}${pad(w.getUTCMonth() + 1)}${pad(w.getUTCDate())}`
}

/** ISO 8601 with the Vietnam offset, to the second: `2026-07-02T00:30:00+07:00`. */
export function vietnamIso(at: Date): string {
  const w = vietnamWall(at)
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}+07:00`
}

/** `14:05 ngày 02/07/2026` (for the printed receipt). */
export function vietnamReadable(iso: string): string {
  const w = vietnamWall(new Date(iso))
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())} ngày ${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`
}

export const CODE_WIDENS_AFTER = 9_999

/** @example dossierCode('000.00.01.H55', '260701', 12) === '000.00.01.H55-260701-0012' */
export function dossierCode(agencyCode: string, day: string, n: number): string {
  return `${agencyCode}-${day}-${pad(n, 4)}`
}
