/**
 * The files feature's texts, loaded with the routes that show attachments (the drafts routes
 * add them with their own), never on the home route. The components load them too, in case a
 * view forgot: loading twice costs nothing.
 */
import { ref } from 'vue'
import { loadFeatureMessages, type FeatureMessages } from '../i18n/index.ts'
import { log } from '../log.ts'

export const fileMessages: FeatureMessages = {
  vi: () => import('./i18n/vi.json'),
  en: () => import('./i18n/en.json'),
}

/** True once the texts are in; a component renders nothing before (no keys flashing). */
export function useFileMessages() {
  const ready = ref(false)
  loadFeatureMessages(fileMessages).then(
    () => (ready.value = true),
    (error: unknown) => log.warn('texts of the files feature could not be loaded', error),
  )
  return ready
}
