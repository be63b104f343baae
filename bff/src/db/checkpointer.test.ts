import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log.ts'
import { tempDir } from '../testing/app.ts'
import { startCheckpointer, type CheckpointReport } from './checkpointer.ts'
import { openDatabase, type Db } from './open.ts'

const autocheckpoint = (db: Db) => db.$client.pragma('wal_autocheckpoint', { simple: true })

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the WAL checkpointer', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Db
  let file: string
  beforeEach(() => {
    dir = tempDir()
    file = join(dir.dir, 'portal.sqlite')
    db = openDatabase(file)
    db.$client.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  })
  afterEach(() => {
    db.$client.close()
    dir.cleanup()
  })

  it('checkpoints from its own thread while SQLite does not on the server’s, and gives that back when stopped', async () => {
    const reports: CheckpointReport[] = []
    const checkpointer = startCheckpointer(db, file, createLogger('silent'), { intervalMs: 25, onCheckpoint: (r) => reports.push(r) })
    expect(autocheckpoint(db)).toBe(0)
    const insert = db.$client.prepare('INSERT INTO scratch (body) VALUES (?)')
    // Well past the 1,000 pages at which SQLite would have checkpointed inside a COMMIT.
    for (let i = 0; i < 400; i++) db.$client.transaction(() => insert.run('x'.repeat(12_000)))()
    await until(() => reports.some((r) => r.log > 0 && r.checkpointed === r.log))
    await checkpointer.stop()
    expect(autocheckpoint(db)).toBe(1000)
    expect(db.$client.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(400)
  })

  it('gives checkpoints back to SQLite when its thread fails', async () => {
    startCheckpointer(db, join(dir.dir, 'missing', 'folder', 'portal.sqlite'), createLogger('silent'), { intervalMs: 25 })
    await until(() => autocheckpoint(db) === 1000)
  })
})
