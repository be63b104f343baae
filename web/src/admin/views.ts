/**
 * The administrators' routes beside /quan-tri (users and roles, account/views.ts):
 * /quan-tri/ngay-nghi (the holiday table) and /quan-tri/co-quan (the agency directory), each
 * loaded with its texts. router.ts imports this file lazily: nothing here is on the home route.
 */
import type { Component } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'
import { adminMessages, directoryMessages, holidayMessages } from './messages.ts'

async function withMessages(messages: FeatureMessages, view: () => Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([view(), loadFeatureMessages(adminMessages), loadFeatureMessages(messages)])
  return module.default
}

export const holidaysView = () => withMessages(holidayMessages, () => import('./holidays/HolidaysView.vue'))
export const directoryView = () => withMessages(directoryMessages, () => import('./directory/DirectoryView.vue'))
