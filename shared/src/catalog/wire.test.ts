import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fixtureFields, fixtureKinds, fixtureProcedure } from './fixtures.ts'
import { CatalogChangesSchema, CatalogSchema, type Catalog, type CatalogChanges, type Procedure } from './schema.ts'
import { syntheticCatalog } from './synthetic.ts'
import {
  CatalogChangesWireSchema,
  CatalogWireError,
  CatalogWireSchema,
  packCatalog,
  packCatalogChanges,
  unpackCatalog,
  unpackCatalogChanges,
  type CatalogWire,
} from './wire.ts'

const real = JSON.parse(readFileSync(new URL('../../../bff/src/catalog/seed/procedures.json', import.meta.url), 'utf8')) as Procedure[]
const catalog = (procedures: Procedure[]): Catalog => ({ version: '0a1b2c3d.7', fields: fixtureFields, agencyKinds: fixtureKinds, procedures })

// A few shared strings (as in the real data) and any others, empty and astral ones included.
const text = fc.oneof(fc.constantFrom('Luật Hộ tịch số 60/2014/QH13', 'Bản sao giấy khai sinh', 'reference/procedures.json', ''), fc.string({ unit: 'binary' }))
const name = text.filter((s) => s.length > 0)
const component = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9-]{1,40}$/),
    name,
    originals: fc.nat(3),
    copies: fc.nat(3),
    group: text,
    presentOnly: fc.boolean(),
  },
  { requiredKeys: ['id', 'name', 'originals', 'copies', 'presentOnly'] },
)
const procedure = fc
  .record({
    n: fc.integer({ min: 0, max: 999_999 }),
    name,
    components: fc.array(component, { maxLength: 5 }),
    notes: fc.array(text, { maxLength: 4 }),
    legalBasis: fc.array(text, { maxLength: 4 }),
    sources: fc.array(text, { maxLength: 3 }),
    result: text,
  })
  .map(({ n, ...rest }) => fixtureProcedure({ code: `1.${String(n).padStart(6, '0')}`, ...rest }))

describe('catalogue wire format', () => {
  it('unpacks to what was packed, for any procedures (property)', () => {
    fc.assert(
      fc.property(fc.array(procedure, { maxLength: 12 }), (procedures) => {
        const wire = packCatalog(catalog(procedures))
        expect(v.safeParse(CatalogWireSchema, wire).success).toBe(true)
        // Through JSON, as on the wire.
        expect(unpackCatalog(v.parse(CatalogWireSchema, JSON.parse(JSON.stringify(wire))))).toEqual(catalog(procedures))
        expect(new Set(wire.texts).size).toBe(wire.texts.length)
      }),
    )
  })

  it('unpacks the changes answer to what was packed (property)', () => {
    fc.assert(
      fc.property(fc.array(procedure, { maxLength: 8 }), fc.boolean(), (changed, reset) => {
        const changes: CatalogChanges = { version: '0a1b2c3d.9', reset, fields: fixtureFields, agencyKinds: fixtureKinds, changed, removed: ['2.000001'] }
        const wire = v.parse(CatalogChangesWireSchema, JSON.parse(JSON.stringify(packCatalogChanges(changes))))
        expect(unpackCatalogChanges(wire)).toEqual(changes)
      }),
    )
  })

  it('round-trips the real seed, and the result is valid against the stored model', () => {
    const wire = v.parse(CatalogWireSchema, JSON.parse(JSON.stringify(packCatalog(catalog(real)))))
    const back = unpackCatalog(wire)
    expect(back).toEqual(catalog(real))
    expect(v.safeParse(CatalogSchema, back).success).toBe(true)
    expect(v.safeParse(CatalogChangesSchema, { ...unpackCatalogChanges({ ...wire, reset: true, changed: wire.procedures, removed: [] }) }).success).toBe(true)
  })

  it('is deterministic: texts once each, in order of first use', () => {
    const a = fixtureProcedure({
      code: '1.000001',
      name: 'A',
      components: [{ id: 'c1', name: 'Tờ khai', originals: 1, copies: 0, presentOnly: false }],
      notes: ['Ghi chú'],
      legalBasis: ['Luật X', 'Luật Y'],
      sources: ['s'],
    })
    const b = fixtureProcedure({ code: '1.000002', name: 'B', legalBasis: ['Luật Y', 'Tờ khai'], sources: ['s'] })
    const wire = packCatalog(catalog([a, b]))
    expect(wire.texts).toEqual(['Tờ khai', 'Ghi chú', 'Luật X', 'Luật Y', 's'])
    expect(wire.procedures[1]).toMatchObject({ legalBasis: [3, 0], sources: [4], notes: [] })
    expect(JSON.stringify(packCatalog(catalog([a, b])))).toBe(JSON.stringify(wire))
  })

  it('rejects an index that names no text, with a typed error', () => {
    const wire = packCatalog(catalog(real.slice(0, 3)))
    const first = wire.procedures[0]!
    const broken = (p: Partial<typeof first>): CatalogWire => ({ ...wire, procedures: [{ ...first, ...p }, ...wire.procedures.slice(1)] })
    for (const bad of [wire.texts.length, -1, 1.5, Number.NaN, 1e9]) {
      expect(() => unpackCatalog(broken({ legalBasis: [bad] }))).toThrow(CatalogWireError)
      expect(() => unpackCatalog(broken({ components: [{ ...first.components[0]!, name: bad }] }))).toThrow(CatalogWireError)
      expect(() => unpackCatalogChanges({ ...wire, reset: false, removed: [], changed: [{ ...first, sources: [bad] }] })).toThrow(CatalogWireError)
    }
    expect(() => unpackCatalog({ ...wire, texts: [] })).toThrow(CatalogWireError)
    // The schema already refuses what is not a non-negative integer (or a missing table).
    for (const bad of [-1, 1.5, '0', null]) expect(v.safeParse(CatalogWireSchema, broken({ notes: [bad as number] })).success).toBe(false)
    expect(v.safeParse(CatalogWireSchema, { ...wire, texts: undefined }).success).toBe(false)
    // A plain catalogue (an older server) is not a packed one.
    expect(v.safeParse(CatalogWireSchema, catalog(real)).success).toBe(false)
  })

  it('keeps a 2,000-procedure catalogue under 1,024 KB with gzip -9', () => {
    const body = JSON.stringify(packCatalog(catalog(syntheticCatalog(real, 2000))))
    const kb = gzipSync(body, { level: 9 }).length / 1024
    const plainKb = gzipSync(JSON.stringify(catalog(syntheticCatalog(real, 2000))), { level: 9 }).length / 1024
    expect(kb).toBeLessThan(1024)
    expect(kb).toBeLessThan(plainKb * 0.6)
  })
})
