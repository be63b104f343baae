/**
 * The browser's connection flag as reactive state, for lazily loaded views. offline/online.ts
 * holds the app-wide state (with the server's reachability) for the home route; importing it
 * from lazy chunks makes the bundler split it out of the home chunk, which costs the home route
 * bytes it does not have (budget: 90 KB), so lazy views listen for themselves.
 */
import { onBeforeUnmount, shallowRef } from 'vue'

export function useConnection() {
  const online = shallowRef(navigator.onLine)
  const update = () => (online.value = navigator.onLine)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
