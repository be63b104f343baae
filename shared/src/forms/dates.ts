/**
 * Dates: stored as ISO `yyyy-mm-dd`, shown and typed as `dd/mm/yyyy` (the Vietnamese order).
 * Pure string arithmetic on calendar dates, no Date objects (no time zone can shift a birthday).
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A real calendar date written `yyyy-mm-dd` (years 1000–9999). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Today in Việt Nam (UTC+7, no daylight saving), as ISO. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

/** A definition's bound: an ISO date or 'today'. */
export function resolveDateBound(bound: string, today: string): string {
  return bound === 'today' ? today : bound
}

/** `yyyy-mm-dd` → `dd/mm/yyyy` (anything else is returned unchanged). */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/** `d/m/yyyy` (also with `-` or `.`) → ISO, or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!m) return null
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}
