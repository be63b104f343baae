/** The account and admin routes' views, each with its texts (lazy: not on the home route). */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'
import { accountMessages } from './messages.ts'

async function withMessages(messages: FeatureMessages[], view: () => Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([view(), ...messages.map(loadFeatureMessages)])
  return module.default
}

export const accountView = () => withMessages([accountMessages], () => import('./AccountView.vue'))
export const adminView = () =>
  withMessages([accountMessages, { vi: () => import('../admin/i18n/vi.json'), en: () => import('../admin/i18n/en.json') }], () => import('../admin/AdminView.vue'))
