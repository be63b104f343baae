/**
 * Whether the app can reach its server, as reactive state. The browser's own flag only knows
 * about the device's connection; a connection that is up but carries nothing (a weak rural
 * signal, a captive portal) shows as a failed request, which the sync code reports here.
 */
import { computed, ref } from 'vue'

const browserOnline = ref(navigator.onLine)
const serverReachable = ref(true)
window.addEventListener('online', () => (browserOnline.value = true))
window.addEventListener('offline', () => (browserOnline.value = false))

const online = computed(() => browserOnline.value && serverReachable.value)

/** Called after each request to the server: false when it got no answer at all. */
export function reportReachable(reachable: boolean): void {
  serverReachable.value = reachable
}

export function useOnline() {
  return online
}
