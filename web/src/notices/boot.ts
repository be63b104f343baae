/**
 * Loaded once the browser is idle after the first render (main.ts): keeps the header's count of
 * unread notices. It asks the server when it starts, when the signed-in person changes, when the
 * connection comes back, when the page becomes visible again (at most once a minute: phones
 * switch apps a lot), and at once when the inbox marked a notice read (UNREAD_CHANGED).
 *
 * `unread` (notices/unread.ts) is passed in and Vue's own functions are not used here, as in
 * outbox/boot.ts: this chunk then shares no module with the home route.
 */
import { api, ApiError } from '../auth/api.ts'
import type { useSessionStore } from '../auth/session.ts'
import { log } from '../log.ts'
import { UNREAD_CHANGED } from './api.ts'

const VISIBLE_THROTTLE_MS = 60_000

export function bootNotices(session: ReturnType<typeof useSessionStore>, unread: { value: number }): void {
  let asked = 0
  async function refresh(force: boolean): Promise<void> {
    if (!session.user) {
      unread.value = 0
      return
    }
    if (!force && Date.now() - asked < VISIBLE_THROTTLE_MS) return
    asked = Date.now()
    try {
      const answer = await api<{ unread?: unknown }>('/api/notices/unread-count')
      if (typeof answer.unread === 'number') unread.value = answer.unread
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) unread.value = 0
      else log.warn('unread notices not counted', error)
    }
  }

  window.addEventListener(UNREAD_CHANGED, () => void refresh(true))
  window.addEventListener('online', () => void refresh(true))
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void refresh(false))
  let sub = session.user?.sub
  session.$subscribe(() => {
    if (sub === session.user?.sub) return
    sub = session.user?.sub
    void refresh(true)
  })
  void refresh(true)
}
