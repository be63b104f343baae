/**
 * What authentication does once per process, at start: the embedded provider's events go to
 * the audit log, and with the embedded provider its demo staff get their portal roles.
 * Returns the function that stops listening (server close).
 */
import { Accounts } from '../accounts/repository.ts'
import { seedStaffRoles } from '../accounts/seed.ts'
import { recordIdpEvent } from '../audit/idp-events.ts'
import { AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { demoStaff } from '../idp/demo-accounts.ts'
import { onIdpEvent } from '../idp/events.ts'
import type { Logger } from '../log.ts'

export function startAuth(db: Db, clock: Clock, config: Config, logger: Logger): () => void {
  const audit = new AuditLog(db, clock, logger)
  const stop = onIdpEvent(recordIdpEvent(audit))
  if (config.idp.enabled && config.oidc.embedded) {
    const granted = seedStaffRoles(new Accounts(db), audit, config.oidc.issuer, demoStaff, clock.now())
    if (granted > 0) logger.info({ granted }, 'demo staff roles seeded')
  }
  return stop
}
