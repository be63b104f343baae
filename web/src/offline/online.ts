/** Whether the browser believes it is online, as reactive state (one listener pair for the app). */
import { readonly, ref } from 'vue'

const online = ref(navigator.onLine)
window.addEventListener('online', () => (online.value = true))
window.addEventListener('offline', () => (online.value = false))

export function useOnline() {
  return readonly(online)
}
