/**
 * The property that makes diffs safe: for any history of publications and any version a client
 * saw in it, applying `changes(since)` to the catalogue it held gives exactly the current one.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Procedure } from '@portal/shared/catalog/schema'
import { openDatabase, type Db } from '../db/open.ts'
import { fixedClock, tempDir } from '../testing/app.ts'
import { procedure } from '../testing/fixtures.ts'
import { CatalogStore } from './store.ts'
import { parseVersion } from './versioning.ts'

const CODES = ['1.000001', '1.000002', '1.000003', '1.000004', '2.000005', '2.000006']

/** A publication: for each code, absent or one of three contents. */
const publication = fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), { minLength: CODES.length, maxLength: CODES.length })

function toProcedures(step: (number | undefined)[]): Procedure[] {
  return CODES.flatMap((code, i) => (step[i] === undefined ? [] : [procedure({ code, name: `Thủ tục ${code} bản ${step[i]}` })]))
}

let temp: ReturnType<typeof tempDir>
let run = 0
beforeAll(() => {
  temp = tempDir()
})
afterAll(() => temp.cleanup())

function freshStore(): { store: CatalogStore; db: Db } {
  const db = openDatabase(`${temp.dir}/p${run++}.sqlite`)
  return { db, store: new CatalogStore(db, fixedClock()) }
}

describe('catalogue diffs (property)', () => {
  it('changes(since) applied to the catalogue at since gives the current catalogue', () => {
    fc.assert(
      fc.property(fc.array(publication, { minLength: 1, maxLength: 8 }), (steps) => {
        const { db, store } = freshStore()
        try {
          const seen: { version: string; catalog: Map<string, Procedure> }[] = [{ version: store.version(), catalog: new Map() }]
          for (const step of steps) {
            const before = seen.at(-1)
            const procedures = toProcedures(step)
            const { version } = store.publish({ procedures })
            const catalog = new Map(procedures.map((p) => [p.code, p]))
            const same = before !== undefined && JSON.stringify([...before.catalog.values()]) === JSON.stringify(procedures)
            // The version moves exactly when the content does.
            expect(version === before?.version).toBe(same)
            seen.push({ version, catalog })
          }
          const current = seen.at(-1)
          for (const { version, catalog } of seen) {
            const since = parseVersion(version)
            if (!since || !current) throw new Error('unreachable')
            const changes = store.changes(since)
            expect(changes.version).toBe(current.version)
            expect(changes.reset).toBe(false)
            const applied = new Map(catalog)
            for (const code of changes.removed) applied.delete(code)
            for (const p of changes.changed) applied.set(p.code, p)
            expect([...applied.entries()].sort()).toEqual([...current.catalog.entries()].sort())
          }
        } finally {
          db.$client.close()
        }
      }),
      { numRuns: 60 },
    )
  })
})
