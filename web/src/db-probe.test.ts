// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { openPortalDb } from './db.ts'
import { PortalDb, probeSchema } from './db-schema.ts'

// The schema probe (db.ts): a build with VITE_SCHEMA_PROBE=1 declares the next version, whose
// upgrade rewrites every draft and file row. e2e/tests/drafts-update.e2e.ts runs it in Chromium
// over a real deployment (the build switch included); this checks the upgrade itself.
const name = `probe-${Math.random()}`
let db: PortalDb | undefined

/** The database as a probe build declares it. */
class ProbedDb extends PortalDb {
  constructor(name: string) {
    super(name)
    probeSchema(this, this.verno + 1)
  }
}

afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

it('upgrades over every draft and file, changing none', async () => {
  db = await openPortalDb(name)
  const latest = db.verno
  const draft = {
    id: 'd',
    procedureCode: '1.001193',
    title: 'Khai sinh',
    status: 'editing' as const,
    values: { childName: 'Bình', members: [{ name: 'An' }] },
    fieldTimes: { childName: 5, 'members.0.name': 4 },
    createdAt: 1,
    updatedAt: 5,
  }
  await db.drafts.add(draft)
  const file = (id: string) => ({ id, draftId: 'd', componentId: 'c6', name: `${id}.jpg`, type: 'image/jpeg' as const, size: 2, sha256: id, blob: new Blob([id]), createdAt: 2 })
  await db.files.bulkAdd([file('f1'), file('f2')])
  db.close()

  db = new ProbedDb(name)
  await db.open()
  expect(db.verno).toBe(latest + 1)
  expect((await db.meta.get('schemaProbe'))?.value).toEqual({ version: latest + 1, drafts: 1, files: 2 })
  expect(await db.drafts.get('d')).toEqual(draft)
  const files = await db.files.where({ draftId: 'd', componentId: 'c6' }).sortBy('id')
  expect(files).toEqual([file('f1'), file('f2')].map((row) => ({ ...row, blob: expect.any(Blob) })))
  expect(await Promise.all(files.map((f) => f.blob.text()))).toEqual(['f1', 'f2'])
})

it('is not declared by a normal build', async () => {
  db = await openPortalDb(name)
  const probed = new ProbedDb(`${name}-probed`)
  expect(probed.verno).toBe(db.verno + 1)
  expect(await db.meta.get('schemaProbe')).toBeUndefined()
})
