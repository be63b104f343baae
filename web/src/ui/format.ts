/** Dates, money and sizes in the reader's language, with Intl alone (no date library). */
import { useI18n } from 'petite-vue-i18n'

const tags: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' }

export function useFormat() {
  const { locale } = useI18n()
  const tag = () => tags[locale.value] ?? 'vi-VN'
  return {
    dateTime: (epochMs: number) =>
      new Intl.DateTimeFormat(tag(), { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(epochMs),
    number: (value: number) => new Intl.NumberFormat(tag()).format(value),
    megabytes: (bytes: number) =>
      new Intl.NumberFormat(tag(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1e6),
  }
}
