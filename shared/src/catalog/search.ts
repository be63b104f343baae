/**
 * Procedure search, the same on the device and in benchmarks (MiniSearch, BM25 ranking).
 *
 * - Folding: every indexed and queried term goes through `fold`, so "dang ky khai sinh" finds
 *   "Đăng ký khai sinh" and "đ" matches "d" in both directions.
 * - Ranking: the name weighs most, then the code, the field, and last the body (components,
 *   result, agency). A query first requires every term (AND); when that finds nothing — a word
 *   the user added that no procedure has — it falls back to any term (OR), still ranked.
 * - Tolerance: every term also matches as a prefix (typing as you go); terms of three letters
 *   or more also match at one edit (one typo). Vietnamese syllables are short, so a wider
 *   distance would match unrelated syllables ("tai" ~ "thai" ~ "tam").
 *
 * Limits: the index lives in memory (about 2,000 procedures on a phone is the design size).
 */
import MiniSearch from 'minisearch'
import { fold } from '../text/fold.ts'
import type { AgencyKind, Field, Procedure, ProcedureLevel } from './schema.ts'

export interface ProcedureHit {
  code: string
  name: string
  field: string
  level: ProcedureLevel
  score: number
}

export interface ProcedureIndex {
  /** Ranked hits, best first; an empty or blank query gives none. */
  search(query: string, limit?: number): ProcedureHit[]
  readonly size: number
}

interface SearchDocument {
  code: string
  name: string
  field: string
  fieldName: string
  level: ProcedureLevel
  body: string
}

const BOOST = { name: 4, code: 3, fieldName: 1.5, body: 1 }

function toDocument(
  procedure: Procedure,
  fieldNames: Map<string, string>,
  kindNames: Map<string, string>,
): SearchDocument {
  return {
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    fieldName: fieldNames.get(procedure.field) ?? '',
    level: procedure.level,
    body: [
      kindNames.get(procedure.agencyKind),
      procedure.agencyText,
      procedure.result,
      procedure.formName,
      ...procedure.components.map((c) => c.name),
    ]
      .filter(Boolean)
      .join('\n'),
  }
}

/**
 * Builds the in-memory index of a catalogue.
 *
 * @example
 * const index = createProcedureIndex(catalog.procedures, catalog.fields, catalog.agencyKinds)
 * index.search('dang ky khai sinh')[0]?.code // '1.001193'
 */
export function createProcedureIndex(
  procedures: readonly Procedure[],
  fields: readonly Field[],
  agencyKinds: readonly AgencyKind[],
): ProcedureIndex {
  const fieldNames = new Map(fields.map((f) => [f.id, f.name]))
  const kindNames = new Map(agencyKinds.map((k) => [k.id, k.name]))
  const mini = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: ['name', 'code', 'fieldName', 'body'],
    storeFields: ['name', 'field', 'level'],
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      boost: BOOST,
      prefix: true,
      fuzzy: (term) => (term.length >= 3 ? 1 : false),
      maxFuzzy: 1,
    },
  })
  mini.addAll(procedures.map((p) => toDocument(p, fieldNames, kindNames)))

  return {
    size: mini.documentCount,
    search(query, limit = 20) {
      if (!query.trim()) return []
      let results = mini.search(query, { combineWith: 'AND' })
      if (results.length === 0) results = mini.search(query, { combineWith: 'OR' })
      return results.slice(0, limit).map((r) => ({
        code: String(r.id),
        name: r.name as string,
        field: r.field as string,
        level: r.level as ProcedureLevel,
        score: r.score,
      }))
    },
  }
}
