/** Which agencies the signed-in person works for as an officer (from the session's roles). */
import type { SessionUser } from '../auth/session.ts'

export function officerAgencies(user: SessionUser | null): string[] {
  const codes = (user?.roles ?? []).filter((r) => r.role === 'officer' && r.agencyCode).map((r) => r.agencyCode!)
  return [...new Set(codes)]
}
