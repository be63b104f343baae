/** The statistics route (/thong-ke), loaded with its texts. Lazy: nothing here is on the home route. */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'

const statisticsMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

export async function statisticsView(): Promise<Component> {
  const [module] = await Promise.all([import('./StatisticsView.vue'), loadFeatureMessages(statisticsMessages)])
  return module.default
}
