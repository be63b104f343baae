/**
 * The catalogue on the wire (`GET /api/catalog`, `GET /api/catalog/changes`): the catalogue of
 * schema.ts with its long repeated strings replaced by indices into one table of texts.
 *
 * Why: the same long strings recur in procedures far apart in the body. The legal basis alone is
 * about a quarter of the bytes of the real catalogue, and sources, dossier component names and
 * notes repeat the same way ("Luật Hộ tịch số 60/2014/QH13", the same form in fifty procedures).
 * gzip, which every client supports, only reuses what lies within the last 32 KB, so it pays for
 * each far copy again; a table written once makes every further use a number of a few digits.
 * Measured on a synthetic catalogue of 2,000 procedures (docs/decisions/0007): gzip 1,265 KB
 * plain, about 490 KB packed.
 *
 * The format: the catalogue (or the changes answer) gains `texts: string[]`; in each procedure
 * `legalBasis`, `sources` and `notes` become arrays of indices into `texts`, and each component's
 * `name` becomes an index. Everything else is exactly as in schema.ts. `texts` lists each
 * distinct string once, in order of first use (procedures in order; in each, component names,
 * notes, legal basis, sources), so a catalogue always packs to the same bytes and its ETag is
 * stable. Only the transfer is packed: the device stores and reads the plain Procedure, and
 * `GET /api/catalog/{code}` serves one plain.
 *
 * `unpack*` trusts no index: one that is not an integer naming an entry of `texts` throws a
 * CatalogWireError, so the app drops the answer instead of storing something half-read.
 */
import * as v from 'valibot'
import {
  CatalogChangesSchema,
  CatalogSchema,
  ComponentSchema,
  ProcedureSchema,
  type Catalog,
  type CatalogChanges,
  type Procedure,
} from './schema.ts'

/** An index into `texts`; whether it is in range is checked when unpacking. */
const TextIndexSchema = v.pipe(v.number(), v.integer(), v.minValue(0))
const TextIndicesSchema = v.array(TextIndexSchema)
const TextsSchema = v.array(v.string())

export const ComponentWireSchema = v.object({ ...ComponentSchema.entries, name: TextIndexSchema })

export const ProcedureWireSchema = v.object({
  ...ProcedureSchema.entries,
  components: v.array(ComponentWireSchema),
  notes: TextIndicesSchema,
  legalBasis: TextIndicesSchema,
  sources: TextIndicesSchema,
})

/** Answer of `GET /api/catalog`. */
export const CatalogWireSchema = v.object({
  ...CatalogSchema.entries,
  texts: TextsSchema,
  procedures: v.array(ProcedureWireSchema),
})

/** Answer of `GET /api/catalog/changes?since=`. */
export const CatalogChangesWireSchema = v.object({
  ...CatalogChangesSchema.entries,
  texts: TextsSchema,
  changed: v.array(ProcedureWireSchema),
})

export type ProcedureWire = v.InferOutput<typeof ProcedureWireSchema>
export type CatalogWire = v.InferOutput<typeof CatalogWireSchema>
export type CatalogChangesWire = v.InferOutput<typeof CatalogChangesWireSchema>

/** A packed catalogue names a text that is not in its table. */
export class CatalogWireError extends Error {
  override name = 'CatalogWireError'
}

/** Packs procedures against one shared table, filled in order of first use. */
function packer(): { texts: string[]; pack: (p: Procedure) => ProcedureWire } {
  const texts: string[] = []
  const indices = new Map<string, number>()
  const ref = (text: string): number => {
    let i = indices.get(text)
    if (i === undefined) indices.set(text, (i = texts.push(text) - 1))
    return i
  }
  // Written in the order of the procedure's keys: first use follows the document.
  const pack = (p: Procedure): ProcedureWire => ({
    ...p,
    components: p.components.map((c) => ({ ...c, name: ref(c.name) })),
    notes: p.notes.map(ref),
    legalBasis: p.legalBasis.map(ref),
    sources: p.sources.map(ref),
  })
  return { texts, pack }
}

function unpacker(texts: readonly string[]): (p: ProcedureWire) => Procedure {
  const text = (i: number): string => {
    // Only an integer in range reads a string from an array (a negative, fractional or NaN index reads undefined).
    const s = texts[i]
    if (typeof s !== 'string') throw new CatalogWireError(`text index ${i} is not in the table of ${texts.length}`)
    return s
  }
  return (p) => ({
    ...p,
    components: p.components.map((c) => ({ ...c, name: text(c.name) })),
    notes: p.notes.map(text),
    legalBasis: p.legalBasis.map(text),
    sources: p.sources.map(text),
  })
}

export function packCatalog({ procedures, ...rest }: Catalog): CatalogWire {
  const { texts, pack } = packer()
  const packed = procedures.map(pack)
  return { ...rest, texts, procedures: packed }
}

/** @throws CatalogWireError for an index that names no text. */
export function unpackCatalog({ texts, procedures, ...rest }: CatalogWire): Catalog {
  return { ...rest, procedures: procedures.map(unpacker(texts)) }
}

export function packCatalogChanges({ changed, ...rest }: CatalogChanges): CatalogChangesWire {
  const { texts, pack } = packer()
  const packed = changed.map(pack)
  return { ...rest, texts, changed: packed }
}

/** @throws CatalogWireError for an index that names no text. */
export function unpackCatalogChanges({ texts, changed, ...rest }: CatalogChangesWire): CatalogChanges {
  return { ...rest, changed: changed.map(unpacker(texts)) }
}
