/** The outbox's texts, loaded by its components themselves (never on the home route). */
import { ref } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'
import { log } from '../log.ts'

export const outboxMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

/** True once the texts are in; a component renders nothing before (no keys flashing). */
export function useOutboxMessages() {
  const ready = ref(false)
  loadFeatureMessages(outboxMessages).then(
    () => (ready.value = true),
    (error: unknown) => log.warn('texts of the outbox could not be loaded', error),
  )
  return ready
}
