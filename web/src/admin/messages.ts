/** The administrators' screens' texts: the shared ones (admin/i18n) and each screen's own. */
import type { FeatureMessages } from '../i18n/index.ts'

export const adminMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

export const holidayMessages: FeatureMessages = {
  vi: () => import('./holidays/i18n/vi.json'),
  en: () => import('./holidays/i18n/en.json'),
}

export const directoryMessages: FeatureMessages = {
  vi: () => import('./directory/i18n/vi.json'),
  en: () => import('./directory/i18n/en.json'),
}
