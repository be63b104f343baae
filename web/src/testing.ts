/** Mounting a view as the app does (router, pinia, i18n), for component tests. */
import { enableAutoUnmount, mount, flushPromises } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n, setLocale } from './i18n/index.ts'
import { router as appRouter } from './router.ts'

export async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: appRouter.options.routes })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(defineComponent(() => () => h(RouterView)), { global: { plugins: [pinia, router, i18n] } })
  await flushPromises()
  return { wrapper, router, pinia }
}

/** Lets IndexedDB reads and the re-renders they cause settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/**
 * Waits until `check` passes. Five seconds, not vi.waitFor's one: on a loaded two-core CI machine
 * an IndexedDB round trip and the re-render after it can take longer than a second.
 */
export const eventually = <T>(check: () => T | Promise<T>, timeout = 5_000): Promise<T> => vi.waitFor(check, { timeout, interval: 20 })

/** A JSON answer as the BFF gives it (problem+json from 400 up). */
export const jsonAnswer = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers } })

/**
 * Hooks for a view that talks to the BFF: the device is in Vietnam (times in its zone), the
 * app's warnings are silenced, and after each test the view is unmounted, the stubs (fetch)
 * undone and the language Vietnamese again.
 */
export function viewTestHooks(): void {
  beforeAll(() => {
    vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh')
  })
  afterAll(() => {
    vi.unstubAllEnvs()
  })
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    await setLocale('vi')
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  enableAutoUnmount(afterEach)
}
