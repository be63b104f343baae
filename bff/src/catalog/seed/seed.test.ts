/**
 * The reviewed catalogue data (written by scripts/catalog/import-reference.ts) against the shared
 * schemas and the references between its files.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import {
  AgencyDirectorySchema,
  AgencyKindSchema,
  FieldSchema,
  ProcedureSchema,
} from '@portal/shared/catalog/schema'

function load<S extends v.GenericSchema>(file: string, schema: S): v.InferOutput<S> {
  const json: unknown = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'))
  const result = v.safeParse(schema, json)
  if (!result.success) {
    const issues = result.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
    throw new Error(`${file} does not match the schema:\n${issues.join('\n')}`)
  }
  return result.output
}

const procedures = load('procedures.json', v.array(ProcedureSchema))
const fields = load('fields.json', v.array(FieldSchema))
const kinds = load('agency-kinds.json', v.array(AgencyKindSchema))
const directory = load('agencies.json', AgencyDirectorySchema)
const agencies = directory.agencies

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index)
}

/** Every string in a JSON value, with its path. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`)
  else if (value && typeof value === 'object') for (const [k, item] of Object.entries(value)) yield* strings(item, `${path}.${k}`)
}

describe('catalogue seed', () => {
  it('holds the reference procedures and uses enough fields', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(100)
    expect(new Set(procedures.map((p) => p.field)).size).toBeGreaterThanOrEqual(10)
  })

  it('has unique procedure codes, field ids and codes, kind ids and agency codes', () => {
    expect(duplicates(procedures.map((p) => p.code))).toEqual([])
    expect(duplicates(fields.map((f) => f.id))).toEqual([])
    expect(duplicates(fields.map((f) => f.code))).toEqual([])
    expect(duplicates(kinds.map((k) => k.id))).toEqual([])
    expect(duplicates(agencies.map((a) => a.code))).toEqual([])
  })

  it('points every procedure to an existing field and agency kind of its level', () => {
    const fieldIds = new Set(fields.map((f) => f.id))
    const levelOf = new Map(kinds.map((k) => [k.id, k.level]))
    for (const p of procedures) {
      expect(fieldIds.has(p.field), `${p.code} field ${p.field}`).toBe(true)
      expect(levelOf.get(p.agencyKind), `${p.code} agency kind ${p.agencyKind}`).toBe(p.level)
    }
  })

  it('has at least one agency of every kind a procedure uses, and only known kinds', () => {
    const kindIds = new Set(kinds.map((k) => k.id))
    const present = new Set(agencies.map((a) => a.kind))
    for (const kind of new Set(procedures.map((p) => p.agencyKind))) expect(present.has(kind), kind).toBe(true)
    for (const agency of agencies) expect(kindIds.has(agency.kind), `${agency.code} kind ${agency.kind}`).toBe(true)
  })

  it('gives every commune agency a commune code, and every commune a committee and a police', () => {
    const communeKinds = new Set(kinds.filter((k) => k.level === 'commune').map((k) => k.id))
    const communeAgencies = agencies.filter((a) => communeKinds.has(a.kind))
    for (const agency of communeAgencies) expect(agency.communeCode, agency.code).toMatch(/^\d{5}$/)
    for (const agency of agencies.filter((a) => !communeKinds.has(a.kind))) expect(agency.communeCode, agency.code).toBeUndefined()
    const communes = new Set(communeAgencies.map((a) => a.communeCode))
    expect(communes.size).toBeGreaterThanOrEqual(20)
    for (const commune of communes) {
      const here = communeAgencies.filter((a) => a.communeCode === commune).map((a) => a.kind)
      expect(here.sort(), commune).toEqual(['commune-committee', 'commune-police'])
    }
  })

  it('codes every agency under the demo province', () => {
    expect(directory.province).toEqual({ code: 'H55', name: 'Thái Nguyên', statisticsCode: '19' })
    expect(agencies.find((a) => a.code === '000.00.00.H55')?.kind).toBe('province-committee')
    for (const agency of agencies) expect(agency.code, agency.name).toMatch(/\.H55$/)
  })

  it('numbers the components of each procedure c1, c2, … in order', () => {
    for (const p of procedures) expect(p.components.map((c) => c.id), p.code).toEqual(p.components.map((_, i) => `c${i + 1}`))
  })

  it('explains every processing time it could not read', () => {
    for (const p of procedures) {
      if (p.processingTime.options.length === 0 || p.processingTime.text === '') expect(p.processingTime.ambiguity, p.code).toBeTruthy()
    }
  })

  it('gives fixed fees items and other kinds none', () => {
    for (const p of procedures) {
      if (p.fee.kind === 'fixed') expect(p.fee.items.length, p.code).toBeGreaterThan(0)
      else expect(p.fee.items, p.code).toEqual([])
    }
  })

  it('has no string with outer whitespace and every string in NFC', () => {
    const problems: string[] = []
    for (const [file, data] of Object.entries({ procedures, fields, kinds, directory })) {
      for (const [path, text] of strings(data)) {
        if (text !== text.trim()) problems.push(`${file}${path}: outer whitespace`)
        if (text !== text.normalize('NFC')) problems.push(`${file}${path}: not NFC`)
      }
    }
    expect(problems).toEqual([])
  })

  it('has no empty string except the text of a processing time the source does not publish', () => {
    const empty = [...strings(procedures)].filter(([path, text]) => text === '' && !/^\[\d+\]\.processingTime\.text$/.test(path))
    expect(empty).toEqual([])
  })
})
