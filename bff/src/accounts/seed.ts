/**
 * Roles of the embedded provider's demo staff (its `demoStaff` export): officers at their
 * agency with their duties, and the administrator. Run at start when the embedded provider is
 * on; a role already held is left alone, so restarts change nothing and write no audit entry.
 */
import type { AuditLog } from '../audit/log.ts'
import type { Accounts } from './repository.ts'
import type { AssignmentInput, Duty } from './roles.ts'

export interface StaffSeed {
  sub: string
  role: 'officer' | 'administrator'
  agencyCode?: string
  duties?: readonly Duty[]
}

export function seedStaffRoles(accounts: Accounts, audit: AuditLog, issuer: string, staff: readonly StaffSeed[], at: Date): number {
  let granted = 0
  for (const person of staff) {
    const user = accounts.ensureUser(issuer, person.sub, at)
    const held = accounts.assignments(user.id)
    const wanted: AssignmentInput[] =
      person.role === 'administrator'
        ? [{ role: 'administrator' }]
        : (person.duties ?? []).map((duty) => ({ role: 'officer', duty, agencyCode: person.agencyCode ?? '' }))
    for (const input of wanted) {
      const has = held.some((a) => a.role === input.role && (a.role === 'administrator' || (input.role === 'officer' && a.duty === input.duty && a.agencyCode === input.agencyCode)))
      if (has) continue
      const assignment = accounts.grant(user.id, input, 'seed', at)
      audit.record({ actor: null, action: 'role.granted', target: person.sub, details: { ...assignment, by: 'seed' } })
      granted++
    }
  }
  return granted
}
