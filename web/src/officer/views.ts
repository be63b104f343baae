/**
 * The officers' routes (/can-bo, /can-bo/ho-so/{id}), each loaded with its texts and those it
 * shares with the drafts (the error summary, the answers' words), so a view never renders before
 * its words. router.ts imports this file lazily: nothing here is on the home route.
 */
import type { Component } from 'vue'
import { draftMessages, formMessages } from '../drafts/messages.ts'
import { loadFeatureMessages } from '../i18n/index.ts'
import { officerMessages } from './messages.ts'

async function withMessages(view: () => Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([view(), ...[officerMessages, draftMessages, formMessages].map(loadFeatureMessages)])
  return module.default
}

export const queueView = () => withMessages(() => import('./QueueView.vue'))
export const dossierView = () => withMessages(() => import('./DossierView.vue'))
