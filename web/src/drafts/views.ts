/**
 * The drafts routes' views, each loaded together with the feature's texts and those of the
 * attachments (the list shows storage use, a draft its attached documents), so a view never
 * renders before its words. router.ts imports this file lazily: nothing here is on the home route.
 */
import type { Component } from 'vue'
import { fileMessages } from '../files/messages.ts'
import { loadFeatureMessages } from '../i18n/index.ts'
import { draftMessages, formMessages } from './messages.ts'

async function withMessages(view: () => Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([
    view(),
    loadFeatureMessages(draftMessages),
    loadFeatureMessages(formMessages),
    loadFeatureMessages(fileMessages),
  ])
  return module.default
}

export const draftListView = () => withMessages(() => import('./DraftListView.vue'))
export const draftView = () => withMessages(() => import('./DraftView.vue'))
