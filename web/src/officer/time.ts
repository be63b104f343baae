/**
 * Times on the officers' screens are Vietnam time (UTC+7, no daylight saving) whatever zone the
 * device is set to: due dates are counted, and the slips printed, in it (docs/lifecycle.md), and
 * a kiosk set to another zone must not show another day. Formatters are built once per language
 * (building one costs far more than using it).
 */
import { useI18n } from 'petite-vue-i18n'

const ZONE = 'Asia/Ho_Chi_Minh'
const OFFSET_MS = 7 * 3_600_000
const DAY_MS = 86_400_000
const tags: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' }
const formatters = new Map<string, Intl.DateTimeFormat>()

/** "17/03/2026, 17:00" (vi) — day, month, year, hour and minute in Vietnam. */
export function vietnamDateTime(iso: string, locale: string): string {
  const tag = tags[locale] ?? 'vi-VN'
  let format = formatters.get(tag)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    formatters.set(tag, format)
  }
  return format.format(Date.parse(iso))
}

/** The day (yyyy-mm-dd) of an instant in Vietnam. */
export function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10)
}

/** The day after `day` (yyyy-mm-dd). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
}

/** A due date picked as a day: the end of that office day, 17:00 Vietnam (as due dates are counted). */
export function endOfOfficeDay(day: string): string {
  return `${day}T17:00:00+07:00`
}

/** True for a real calendar day written yyyy-mm-dd (what `<input type="date">` gives). */
export function isDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
}

/** The formatter for the current language. */
export function useVietnamTime(): (iso: string) => string {
  const { locale } = useI18n()
  return (iso) => vietnamDateTime(iso, locale.value)
}
