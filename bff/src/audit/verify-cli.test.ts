import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BFF_ROOT } from '../config/config.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { fixedClock, tempDir } from '../testing/app.ts'
import { AuditLog } from './log.ts'

// The operator's command, run as an operator runs it: a separate process on the data folder.
describe('pnpm audit:verify', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
    const db = openDatabase(join(dir.dir, 'portal.sqlite'))
    const audit = new AuditLog(db, fixedClock(), createLogger('silent'))
    audit.record({ actor: 'sub-1', action: 'auth.sign-in', target: 'sub-1' })
    audit.record({ actor: 'admin', action: 'role.granted', target: 'sub-2', details: { role: 'officer' } })
    db.$client.close()
  })
  afterEach(() => dir.cleanup())

  const verify = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/audit/verify-cli.ts'], {
      cwd: BFF_ROOT,
      env: { ...process.env, DATA_DIR: dir.dir, INIT_CWD: '' },
      encoding: 'utf8',
    })

  it('says ok with the number of entries of an intact chain', () => {
    const run = verify()
    expect(run.stdout.trim()).toBe('ok, 2 entries')
    expect(run.status).toBe(0)
  })

  it('names the first broken entry and exits 1 when a row was changed behind its back', () => {
    const db = openDatabase(join(dir.dir, 'portal.sqlite'))
    db.$client.exec('DROP TRIGGER audit_log_no_update')
    db.$client.prepare(`UPDATE audit_log SET details = '{"role":"administrator"}' WHERE seq = 2`).run()
    db.$client.close()
    const run = verify()
    expect(run.stdout).toMatch(/^broken at entry 2: /)
    expect(run.status).toBe(1)
  })
})
