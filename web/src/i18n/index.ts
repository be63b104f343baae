/**
 * Vietnamese first, English on request. Vietnamese messages ship with the app; English loads
 * on first use. The choice is remembered on the device and sets `<html lang>`.
 */
import { createI18n } from 'petite-vue-i18n'
import vi from './vi.json'

export type Locale = 'vi' | 'en'

const STORAGE_KEY = 'portal.locale'

/** English is added on first use; both files have the same keys. */
const messages: { [L in Locale]?: typeof vi } = { vi }

export const i18n = createI18n({
  legacy: false,
  locale: 'vi' as Locale,
  fallbackLocale: 'vi',
  messages,
})

/** The language chosen on this device before, Vietnamese otherwise. */
export function savedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

export async function setLocale(locale: Locale): Promise<void> {
  const { global } = i18n
  if (!global.availableLocales.includes(locale)) {
    global.setLocaleMessage(locale, (await import('./en.json')).default)
  }
  global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage can be off (private mode): the choice then lasts for this visit only.
  }
}
