/**
 * Dates, money and sizes in the reader's language, with Intl alone (no date library). Building
 * an Intl formatter costs far more than using one (tens of ms on a cheap phone, per call), so
 * each is built once per language and kind.
 */
import { useI18n } from 'petite-vue-i18n'

const tags: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' }

const options = {
  dateTime: { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' },
  number: {},
  megabytes: { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 },
} satisfies Record<string, Intl.DateTimeFormatOptions | Intl.NumberFormatOptions>

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function formatter(tag: string, kind: keyof typeof options): Intl.DateTimeFormat | Intl.NumberFormat {
  const key = `${tag} ${kind}`
  let made = cache.get(key)
  if (!made) {
    made = kind === 'dateTime' ? new Intl.DateTimeFormat(tag, options.dateTime) : new Intl.NumberFormat(tag, options[kind])
    cache.set(key, made)
  }
  return made
}

export function useFormat() {
  const { locale } = useI18n()
  const format = (kind: keyof typeof options, value: number) => formatter(tags[locale.value] ?? 'vi-VN', kind).format(value)
  return {
    dateTime: (epochMs: number) => format('dateTime', epochMs),
    number: (value: number) => format('number', value),
    // Binary megabytes, as the attachments' sizes and limits (10 MB = 10 × 1024 × 1024 bytes).
    megabytes: (bytes: number) => format('megabytes', bytes / 1024 / 1024),
  }
}
