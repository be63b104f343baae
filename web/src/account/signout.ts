/**
 * Signing out from the app: the BFF ends the session (POST with the app header) and answers
 * where to go next — the provider's end-session page, which comes back to the portal. The last
 * known session is forgotten on the device first, and, when asked, this person's drafts too.
 */
import { api } from '../auth/api.ts'
import { removeOwnedDrafts } from '../auth/drafts.ts'
import type { useSessionStore } from '../auth/session.ts'

export async function signOut(session: ReturnType<typeof useSessionStore>, removeDrafts: boolean): Promise<void> {
  const sub = session.user?.sub
  const { redirect } = await api<{ redirect: string }>('/auth/logout', { method: 'POST' })
  session.set(null)
  if (removeDrafts && sub) await removeOwnedDrafts(sub)
  window.location.assign(redirect)
}
