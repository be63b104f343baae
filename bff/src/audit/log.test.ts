import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { fixedClock, tempDir } from '../testing/app.ts'
import { GENESIS, entryHash } from './chain.ts'
import { AuditLog } from './log.ts'

describe('audit log', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Db
  let audit: AuditLog
  beforeEach(() => {
    dir = tempDir()
    db = openDatabase(`${dir.dir}/audit.sqlite`)
    audit = new AuditLog(db, fixedClock(), createLogger('silent'))
  })
  afterEach(() => {
    db.$client.close()
    dir.cleanup()
  })

  const fill = () => {
    audit.record({ actor: 'sub-1', action: 'auth.sign-in', target: 'sub-1', details: { amr: ['pwd', 'otp'], b: 1, a: { z: 1, y: 2 } } })
    audit.record({ action: 'account.locked', target: 'sub-2' })
    audit.record({ actor: 'admin', action: 'role.granted', target: 'sub-3', details: { role: 'officer' } })
  }

  it('chains entries from the genesis hash, and verifies', () => {
    fill()
    const entries = [...audit.entries()]
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(entries[0]?.prevHash).toBe(GENESIS)
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash)
    expect(audit.verify()).toEqual({ ok: true, count: 3 })
  })

  it('hashes details independently of key order', () => {
    const base = { seq: 1, at: 'x', actor: null, action: 'a', target: null, prevHash: GENESIS }
    expect(entryHash({ ...base, details: { a: 1, b: { c: 1, d: 2 } } })).toBe(entryHash({ ...base, details: { b: { d: 2, c: 1 }, a: 1 } }))
  })

  it('refuses UPDATE and DELETE in the database itself', () => {
    fill()
    expect(() => db.$client.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/)
    expect(() => db.$client.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/)
  })

  it('reports the first tampered entry when the triggers are dropped and a row is changed', () => {
    fill()
    db.$client.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete')
    db.$client.prepare(`UPDATE audit_log SET details = '{"role":"administrator"}' WHERE seq = 3`).run()
    expect(audit.verify()).toMatchObject({ ok: false, seq: 3, count: 2, reason: expect.stringMatching(/hash/) })
  })

  it('reports a removed entry and a re-linked chain', () => {
    fill()
    db.$client.exec('DROP TRIGGER audit_log_no_delete')
    db.$client.prepare('DELETE FROM audit_log WHERE seq = 2').run()
    expect(audit.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/missing/) })
  })
})
