/** The texts of the drafts feature and of the form renderer, loaded with the drafts routes. */
import type { FeatureMessages } from '../i18n/index.ts'

export const draftMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

export const formMessages: FeatureMessages = {
  vi: () => import('../forms/i18n/vi.json'),
  en: () => import('../forms/i18n/en.json'),
}
