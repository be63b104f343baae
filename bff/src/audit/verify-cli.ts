/**
 * `pnpm --filter @portal/bff audit:verify`: checks the audit chain of the database under
 * DATA_DIR. Prints "ok, N entries" (exit 0) or the first broken entry (exit 1).
 */
import { systemClock } from '../clock.ts'
import { loadConfig } from '../config/config.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { AuditLog } from './log.ts'

const config = loadConfig()
const db = openDatabase(config.databaseFile)
const result = new AuditLog(db, systemClock, createLogger('silent')).verify()
db.$client.close()
if (result.ok) {
  console.log(`ok, ${result.count} entries`)
} else {
  console.log(`broken at entry ${result.seq}: ${result.reason} (${result.count} entries before it verify)`)
  process.exitCode = 1
}
