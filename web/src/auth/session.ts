/**
 * Who is signed in, as the app shell knows it: GET /api/session at start (never awaited: the
 * app does not wait for the network), the last answer kept on the device so an offline start
 * still shows it. Signing in and out are navigations to the BFF (/auth/login, /auth/logout):
 * the browser never sees a token. On the home route, so kept small.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface SessionRole {
  role: 'citizen' | 'officer' | 'administrator'
  id?: number
  duty?: 'reception' | 'processing' | 'approval'
  agencyCode?: string
}

export interface SessionUser {
  sub: string
  name?: string
  roles: SessionRole[]
  mfa: boolean
  idleSeconds: number
  expiresAt: string
}

const KEY = 'portal.session'

function stored(): SessionUser | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as SessionUser | null
  } catch {
    return null
  }
}

/** Where "Đăng nhập" goes: the BFF starts the sign-in and comes back to `path`. */
export const signInHref = (path: string) => `/auth/login?next=${encodeURIComponent(path)}`

export const useSessionStore = defineStore('session', () => {
  const user = ref(stored())

  function set(next: SessionUser | null): void {
    user.value = next
    try {
      if (next) localStorage.setItem(KEY, JSON.stringify(next))
      else localStorage.removeItem(KEY)
    } catch {
      // Storage off: the state lasts for this visit.
    }
  }

  /** Asks the server; without an answer (offline) the last known state stays. */
  async function refresh(): Promise<void> {
    try {
      const res = await fetch('/api/session', { headers: { accept: 'application/json' } })
      if (res.ok) set(((await res.json()) as { user?: SessionUser }).user ?? null)
    } catch {
      // offline
    }
  }

  return { user, set, refresh }
})
