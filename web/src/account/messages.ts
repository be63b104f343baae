/** The account feature's texts, loaded with its route. */
import type { FeatureMessages } from '../i18n/index.ts'

export const accountMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}
