/**
 * Vietnamese first, English on request. Vietnamese messages ship with the app; English loads
 * on first use. The choice is remembered on the device and sets `<html lang>`.
 *
 * Features beyond the catalogue (drafts, account...) keep their texts in their own
 * `src/<feature>/i18n/{vi,en}.json`, loaded with their routes (`loadFeatureMessages`), so the
 * home page does not carry every text of the app.
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

type Messages = Record<string, unknown>
type MessagesLoader = () => Promise<{ default: Messages }>

/** A feature's locale files, e.g. `{ vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') }`. */
export type FeatureMessages = Record<Locale, MessagesLoader>

const features = new Set<FeatureMessages>()
const merged = new WeakMap<FeatureMessages, Set<Locale>>()

async function mergeFeature(feature: FeatureMessages, locale: Locale): Promise<void> {
  const done = merged.get(feature) ?? new Set<Locale>()
  merged.set(feature, done)
  if (done.has(locale)) return
  i18n.global.mergeLocaleMessage(locale, (await feature[locale]()).default as typeof vi)
  done.add(locale)
}

/**
 * Adds a feature's texts in Vietnamese (the fallback) and in the current language; a later
 * switch of language loads that language's texts of every feature added so far.
 *
 * @example
 * const messages: FeatureMessages = { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') }
 * await loadFeatureMessages(messages)
 */
export async function loadFeatureMessages(feature: FeatureMessages): Promise<void> {
  features.add(feature)
  await Promise.all([mergeFeature(feature, 'vi'), mergeFeature(feature, i18n.global.locale.value as Locale)])
}

export async function setLocale(locale: Locale): Promise<void> {
  const { global } = i18n
  if (!global.availableLocales.includes(locale)) {
    global.setLocaleMessage(locale, (await import('./en.json')).default)
  }
  await Promise.all([...features].map((feature) => mergeFeature(feature, locale)))
  global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage can be off (private mode): the choice then lasts for this visit only.
  }
}
