/**
 * The seed step run at start: read the catalogue files, validate them with the shared schemas,
 * optionally pad the procedures with a synthetic catalogue (benchmarks), publish.
 *
 * A missing file leaves its part of the stored catalogue as it is (logged), so the server starts
 * before the data files exist and picks them up at the next start. The agency directory is taken
 * from its file only until administrators first edit it (catalog/directory). An invalid file stops the
 * start: serving a half-valid catalogue would put wrong facts in front of citizens.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import { AgencyDirectorySchema, AgencyKindSchema, FieldSchema, ProcedureSchema } from '@portal/shared/catalog/schema'
import { syntheticCatalog } from '@portal/shared/catalog/synthetic'
import type { Logger } from '../log.ts'
import type { CatalogSnapshot, CatalogStore } from './store.ts'
import type { CatalogInput } from './versioning.ts'

export const SEED_FILES = {
  procedures: { file: 'procedures.json', schema: v.array(ProcedureSchema) },
  fields: { file: 'fields.json', schema: v.array(FieldSchema) },
  agencyKinds: { file: 'agency-kinds.json', schema: v.array(AgencyKindSchema) },
  agencies: { file: 'agencies.json', schema: AgencyDirectorySchema },
} as const

export class SeedError extends Error {
  override name = 'SeedError'
}

const MAX_ISSUES_SHOWN = 10

/** Reads and validates every seed file present in `dir`; `missing` names the absent ones. */
export function readSeedDir(dir: string): { input: CatalogInput; missing: string[] } {
  const input: Record<string, unknown> = {}
  const missing: string[] = []
  for (const [part, { file, schema }] of Object.entries(SEED_FILES)) {
    const path = join(dir, file)
    if (!existsSync(path)) {
      missing.push(file)
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new SeedError(`${path} is not valid JSON: ${(error as Error).message}`)
    }
    const parsed = v.safeParse(schema, json)
    if (!parsed.success) {
      const lines = parsed.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `  ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
      const more = parsed.issues.length > MAX_ISSUES_SHOWN ? `\n  … and ${parsed.issues.length - MAX_ISSUES_SHOWN} more` : ''
      throw new SeedError(`${path} does not match the catalogue schema:\n${lines.join('\n')}${more}`)
    }
    input[part] = parsed.output
  }
  const result = input as CatalogInput
  assertUnique(result.procedures?.map((p) => p.code), 'procedure code', dir)
  assertUnique(result.fields?.map((f) => f.id), 'field id', dir)
  assertUnique(result.agencyKinds?.map((k) => k.id), 'agency kind id', dir)
  return { input: result, missing }
}

function assertUnique(values: string[] | undefined, what: string, dir: string): void {
  const seen = new Set<string>()
  for (const value of values ?? []) {
    if (seen.has(value)) throw new SeedError(`${dir}: ${what} ${value} appears twice`)
    seen.add(value)
  }
}

/** References that point nowhere: shown as warnings (the page shows the raw id meanwhile). */
export function danglingReferences(snapshot: CatalogSnapshot): string[] {
  const fields = new Set(snapshot.fields.map((f) => f.id))
  const kinds = new Set(snapshot.agencyKinds.map((k) => k.id))
  const problems: string[] = []
  for (const p of snapshot.procedures) {
    if (!fields.has(p.field)) problems.push(`${p.code}: unknown field "${p.field}"`)
    if (!kinds.has(p.agencyKind)) problems.push(`${p.code}: unknown agency kind "${p.agencyKind}"`)
  }
  for (const agency of snapshot.agencies.agencies) {
    if (!kinds.has(agency.kind)) problems.push(`agency ${agency.code}: unknown kind "${agency.kind}"`)
  }
  return problems
}

export interface SeedOptions {
  dir: string
  /** 0: off. Otherwise the procedures are padded to this many with synthetic ones. */
  syntheticSize: number
}

/**
 * Publishes the seed files to the store and logs what changed.
 * @throws SeedError when a file is invalid (the caller stops the start).
 */
export function seedCatalog(store: CatalogStore, options: SeedOptions, logger: Logger): void {
  const { input, missing } = readSeedDir(options.dir)
  if (missing.length > 0) logger.warn({ dir: options.dir, missing }, 'catalogue seed files missing: those parts stay as stored')
  if (options.syntheticSize > 0) {
    if (input.procedures) {
      input.procedures = syntheticCatalog(input.procedures, options.syntheticSize)
      logger.warn({ size: input.procedures.length }, 'catalogue padded with synthetic procedures (benchmark mode)')
    } else {
      logger.warn('CATALOG_SYNTHETIC_SIZE ignored: no procedures.json to pad')
    }
  }
  // Once administrators edit the directory, the database is its source: a seed file would undo their work.
  const edited = input.agencies ? store.directoryEdit() : undefined
  if (edited) logger.info({ editedAt: edited.at, editedBy: edited.by }, 'agency directory edited by administrators: agencies.json not applied')
  const result = store.publish(edited ? { ...input, agencies: undefined } : input)
  logger.info({ ...result }, 'catalogue seeded')
  const dangling = danglingReferences(store.snapshot())
  if (dangling.length > 0) logger.warn({ count: dangling.length, first: dangling.slice(0, 10) }, 'catalogue references unknown ids')
}
