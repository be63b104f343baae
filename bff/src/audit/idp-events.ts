/**
 * Sign-in events of the embedded provider into the audit log: successful and failed sign-ins,
 * locks, unlocks (with the administrator who did it) and sign-outs at the provider. The
 * username of a failure is kept only when it matches no account: otherwise `sub` says who.
 */
import type { IdpEvent } from '../idp/events.ts'
import type { AuditLog } from './log.ts'

export function recordIdpEvent(audit: AuditLog): (event: IdpEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'signin.success':
        audit.record({ actor: event.sub, action: 'idp.sign-in', target: event.sub, details: { amr: event.amr, acr: event.acr, ip: event.ip ?? null } })
        break
      case 'signin.failure':
        audit.record({
          actor: null,
          action: 'idp.sign-in-failed',
          target: event.sub ?? null,
          details: { reason: event.reason, failedAttempts: event.failedAttempts ?? null, ip: event.ip ?? null, ...(event.sub ? {} : { username: event.username }) },
        })
        break
      case 'account.locked':
        audit.record({ actor: null, action: 'account.locked', target: event.sub, details: { failedAttempts: event.failedAttempts, ip: event.ip ?? null } })
        break
      case 'account.unlocked':
        audit.record({ actor: event.by, action: 'account.unlocked', target: event.sub })
        break
      case 'signout':
        audit.record({ actor: event.sub ?? null, action: 'idp.sign-out', target: event.sub ?? null })
        break
    }
  }
}
