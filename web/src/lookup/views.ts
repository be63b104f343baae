/**
 * The look-up route (/tra-cuu), loaded with its texts and the dossiers' status names. Lazy:
 * nothing here is on the home route.
 */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'

const lookupMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}
const statusMessages: FeatureMessages = {
  vi: () => import('../dossiers/i18n/vi.json'),
  en: () => import('../dossiers/i18n/en.json'),
}

export async function lookupView(): Promise<Component> {
  const [module] = await Promise.all([import('./LookupView.vue'), loadFeatureMessages(lookupMessages), loadFeatureMessages(statusMessages)])
  return module.default
}
