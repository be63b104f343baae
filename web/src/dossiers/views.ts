/**
 * The submitted dossiers' routes (/ho-so/da-nop, /ho-so/da-nop/{id}, /ho-so/da-nop/{id}/bo-sung), each loaded with the
 * feature's texts so a view never renders before its words. Lazy: nothing here is on the home route.
 */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'

const dossierMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

async function withMessages(view: () => Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([view(), loadFeatureMessages(dossierMessages)])
  return module.default
}

export const submittedListView = () => withMessages(() => import('./SubmittedListView.vue'))
export const receiptView = () => withMessages(() => import('./ReceiptView.vue'))
export const supplementView = () => withMessages(() => import('./SupplementView.vue'))
