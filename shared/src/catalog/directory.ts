/**
 * What administrators send to edit the agency directory (`AgencyDirectory` in schema.ts), and
 * the public part of it. The BFF checks the rules that need the whole directory (unique codes, a
 * parent that exists, no cycle) and validates the result with `AgencyDirectorySchema` before it
 * publishes it as a new catalogue version.
 */
import * as v from 'valibot'
import { AgencyCodeSchema, type Agency, type AgencyDirectory, type AgencyKind } from './schema.ts'

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `at most ${max} characters`))
const kind = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'must be an agency kind id'))
const communeCode = v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a 5-digit commune code'))
const phone = v.pipe(v.string(), v.trim(), v.regex(/^[0-9 +().-]{6,20}$/, 'must be a phone number'))

export const AgencyInputSchema = v.strictObject({
  code: AgencyCodeSchema,
  name: text(200),
  nameEn: text(200),
  kind,
  communeCode: v.optional(communeCode),
  address: v.optional(text(300)),
  phone: v.optional(phone),
  parent: v.optional(AgencyCodeSchema),
  /** A unit of `parent` (phòng, bộ phận) rather than an agency that receives dossiers. */
  unit: v.optional(v.boolean()),
})

/** A change to an entry: its code stays (dossier codes carry it). `null` clears an optional fact. */
export const AgencyChangeSchema = v.pipe(
  v.strictObject({
    name: v.optional(text(200)),
    nameEn: v.optional(text(200)),
    kind: v.optional(kind),
    communeCode: v.optional(v.nullable(communeCode)),
    address: v.optional(v.nullable(text(300))),
    phone: v.optional(v.nullable(phone)),
    parent: v.optional(v.nullable(AgencyCodeSchema)),
    unit: v.optional(v.boolean()),
  }),
  v.check((change) => Object.keys(change).length > 0, 'nothing to change'),
)

export const AgencyCodeParamSchema = v.object({ code: AgencyCodeSchema })

export type AgencyInput = v.InferOutput<typeof AgencyInputSchema>
export type AgencyChange = v.InferOutput<typeof AgencyChangeSchema>

/** An entry as administrators see it: with what names it (it can be removed only when all are 0). */
export interface DirectoryEntry extends Agency {
  references: { dossiers: number; roles: number; units: number }
}

/** GET /api/admin/agencies: the whole directory, units and deactivated entries too. */
export interface DirectoryView {
  /** The catalogue version the directory is part of. */
  version: string
  province: AgencyDirectory['province']
  kinds: AgencyKind[]
  agencies: DirectoryEntry[]
  /** The last administrator's edit; null while the directory is the seed's. */
  edited: { at: string; by: string } | null
}

/** What an edit answers: the entry and the catalogue version that publishes it. */
export interface DirectoryEdit {
  agency: Agency
  version: string
}

/** What the public sees and submits to: active entries that are not units. */
export function publicDirectory(directory: AgencyDirectory): AgencyDirectory {
  return { ...directory, agencies: directory.agencies.filter((a) => !a.inactive && !a.unit) }
}
