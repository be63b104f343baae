/** The inbox route (/thong-bao) with its texts. Lazy: nothing here is on the home route. */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'

export const noticeMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

export async function inboxView(): Promise<Component> {
  const [module] = await Promise.all([import('./InboxView.vue'), loadFeatureMessages(noticeMessages)])
  return module.default
}
