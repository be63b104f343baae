/** The officers' texts, loaded with their routes. */
import type { FeatureMessages } from '../i18n/index.ts'

export const officerMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}
