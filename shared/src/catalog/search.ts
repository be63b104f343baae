/**
 * Procedure search, the same on the device and in benchmarks (MiniSearch, BM25 ranking).
 *
 * - Folding: every indexed and queried term goes through `fold`, so "dang ky khai sinh" finds
 *   "Đăng ký khai sinh" and "đ" matches "d" in both directions.
 * - Ranking: the name weighs most, then the code and the field; the body (components, result,
 *   agency) adds to a procedure's score only when it holds every query word exactly. A query
 *   first requires every word (AND); when that finds nothing — a word the user added that no
 *   procedure has — it falls back to any word (OR), still ranked. A name that holds the whole
 *   query as one phrase ("dang ky thuong t" in "Đăng ký thường trú") gains up to double, the more
 *   of the name the phrase covers: the words alone do not tell "Đăng ký thường trú" from a long
 *   name that mentions it among other things.
 * - Tolerance: the last word matches as a prefix (typing as you go); a word that is in no
 *   procedure matches as a prefix and at one edit (one typo). A word that exists is taken as
 *   meant. Why so narrow: MiniSearch adds up the scores of every expansion of a word, so
 *   expanding a short Vietnamese syllable ("t", "can") over long legal text would let a
 *   procedure with many similar syllables outrank the one named by the query — and costs time.
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

const BOOST = { name: 4, code: 3, fieldName: 1.5, body: 0.5 }
const TITLE_FIELDS = ['name', 'code', 'fieldName']

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

/** 1 when the name lacks the phrase; up to 2 as the phrase covers more of the name. */
function phraseBoost(foldedName: string, phrase: string): number {
  return foldedName.includes(phrase) ? 1 + phrase.length / foldedName.length : 1
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
  const documents = procedures.map((p) => toDocument(p, fieldNames, kindNames))
  // Folding is the costliest step of indexing (NFD per token) and legal text repeats the same
  // few thousand syllables, so each distinct token is folded once. The indexed terms are the
  // vocabulary that tells a known word from a typo.
  const folded = new Map<string, string>()
  const vocabulary = new Set<string>()
  const indexTerm = (token: string) => {
    let term = folded.get(token)
    if (term === undefined) {
      term = fold(token)
      folded.set(token, term)
      vocabulary.add(term)
    }
    return term || null
  }
  const unknown = (term: string) => !vocabulary.has(term)
  const foldedNames = new Map(documents.map((d) => [d.code, fold(d.name)]))
  const mini = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: ['name', 'code', 'fieldName', 'body'],
    storeFields: ['name', 'field', 'level'],
    processTerm: indexTerm,
    searchOptions: { boost: BOOST, processTerm: (term) => fold(term) || null },
  })
  mini.addAll(documents)

  const run = (query: string, combineWith: 'AND' | 'OR') =>
    mini.search({
      combineWith: 'OR',
      queries: [
        {
          queries: [query],
          fields: TITLE_FIELDS,
          combineWith,
          prefix: (term, i, terms) => i === terms.length - 1 || unknown(term),
          fuzzy: (term) => (unknown(term) && term.length >= 2 ? 1 : false),
        },
        { queries: [query], fields: ['body'], combineWith, prefix: false, fuzzy: false },
      ],
    })

  return {
    size: mini.documentCount,
    search(query, limit = 20) {
      if (!query.trim()) return []
      let results = run(query, 'AND')
      if (results.length === 0) results = run(query, 'OR')
      const phrase = fold(query).trim().replace(/\s+/g, ' ')
      return results
        .map((r) => ({
          code: String(r.id),
          name: r.name as string,
          field: r.field as string,
          level: r.level as ProcedureLevel,
          score: r.score * phraseBoost(foldedNames.get(String(r.id)) ?? '', phrase),
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
    },
  }
}
