/**
 * The rules of editing the agency directory, as pure functions from one directory to the next
 * (the caller stores the result as a new catalogue version: directory/editor.ts).
 *
 * - An entry's code is its identity: every dossier code the agency issued starts with it
 *   (TT 01/2018 Art. 19), so it never changes; another code is another entry. Codes are unique
 *   and belong to the province (`….H55`).
 * - `kind` is one of the catalogue's agency kinds (procedures are routed by kind).
 * - `parent` is another active entry, never the entry itself or one of its own units (no cycle);
 *   a unit has a parent.
 * - Two active agencies of one kind never serve the same commune: intake could not tell which one
 *   receives the dossier.
 * - Deactivating keeps the entry (dossiers and roles still name it) but takes it out of the public
 *   directory; an entry with active units under it stays active until they are moved or
 *   deactivated. Reactivating needs an active parent.
 * - Removing is for an entry nothing names: no dossier, no role, no unit under it.
 *
 * Each rule is checked for the entry being edited (the seeded data is trusted as it is), and the
 * whole result must still match `AgencyDirectorySchema`.
 */
import * as v from 'valibot'
import type { AgencyChange, AgencyInput } from '@portal/shared/catalog/directory'
import { AgencyDirectorySchema, type Agency, type AgencyDirectory, type AgencyKind } from '@portal/shared/catalog/schema'
import { HttpError, invalidInput, notFound } from '../../http/problem.ts'

export const directoryProblemTypes = {
  /** 409: the code is taken by another entry. */
  exists: 'agency-exists',
  /** 409: another active agency of this kind serves the commune. */
  communeTaken: 'agency-commune-taken',
  /** 409: the entry is not in the state the action needs (already inactive, active units…). */
  state: 'agency-state',
  /** 409: dossiers, roles or units name the entry: deactivate it instead. */
  referenced: 'agency-referenced',
} as const

/** What outside the directory names an entry. */
export interface References {
  dossiers: number
  roles: number
}

const conflict = (type: string, title: string, detail: string) => new HttpError(409, type, title, detail)

function find(directory: AgencyDirectory, code: string): Agency {
  const agency = directory.agencies.find((a) => a.code === code)
  if (!agency) throw notFound(`Không có cơ quan, đơn vị mã ${code} trong danh bạ.`)
  return agency
}

/** The entry with its facts in one order and no empty optional ones (stable hashes, small JSON). */
function normalised(agency: Agency): Agency {
  const { code, name, nameEn, kind, communeCode, address, phone, parent, unit, inactive } = agency
  return {
    code,
    name,
    nameEn,
    kind,
    ...(communeCode ? { communeCode } : {}),
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(parent ? { parent } : {}),
    ...(unit ? { unit } : {}),
    ...(inactive ? { inactive } : {}),
  }
}

function replaced(directory: AgencyDirectory, agency: Agency): AgencyDirectory {
  return { ...directory, agencies: directory.agencies.map((a) => (a.code === agency.code ? agency : a)) }
}

function checkEntry(directory: AgencyDirectory, agency: Agency, kinds: readonly AgencyKind[]): void {
  const errors: { path: string; message: string }[] = []
  const suffix = directory.province.code ? `.${directory.province.code}` : ''
  if (suffix && !agency.code.endsWith(suffix)) errors.push({ path: 'code', message: `must end with ${suffix} (the province)` })
  if (!kinds.some((k) => k.id === agency.kind)) errors.push({ path: 'kind', message: 'not an agency kind of the catalogue' })
  if (agency.unit && !agency.parent) errors.push({ path: 'parent', message: 'a unit needs the agency it belongs to' })
  if (agency.parent) {
    const parent = directory.agencies.find((a) => a.code === agency.parent)
    if (!parent) errors.push({ path: 'parent', message: 'not in the directory' })
    else if (parent.inactive && !agency.inactive) errors.push({ path: 'parent', message: 'is deactivated' })
    else if (isUnder(directory, parent.code, agency.code)) errors.push({ path: 'parent', message: 'would make a cycle (the entry itself or one of its units)' })
  }
  if (errors.length > 0) throw invalidInput(errors, `Không lưu được ${agency.code}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`)
  if (agency.communeCode && !agency.inactive && !agency.unit) {
    const other = directory.agencies.find(
      (a) => a.code !== agency.code && !a.inactive && !a.unit && a.kind === agency.kind && a.communeCode === agency.communeCode,
    )
    if (other) throw conflict(directoryProblemTypes.communeTaken, 'Xã, phường này đã có cơ quan cùng loại', `${other.name} (${other.code}) đã tiếp nhận hồ sơ của xã, phường mã ${agency.communeCode}.`)
  }
}

/** Whether `code` is `ancestor` or lies under it, following parents upwards. */
function isUnder(directory: AgencyDirectory, code: string, ancestor: string): boolean {
  const seen = new Set<string>()
  for (let at: string | undefined = code; at && !seen.has(at); at = directory.agencies.find((a) => a.code === at)?.parent) {
    if (at === ancestor) return true
    seen.add(at)
  }
  return false
}

function validated(directory: AgencyDirectory): AgencyDirectory {
  const parsed = v.safeParse(AgencyDirectorySchema, directory)
  if (!parsed.success) {
    throw invalidInput(parsed.issues.map((issue) => ({ path: v.getDotPath(issue) ?? 'directory', message: issue.message })))
  }
  return parsed.output
}

export interface Edit {
  directory: AgencyDirectory
  agency: Agency
  before?: Agency
}

export function addAgency(directory: AgencyDirectory, input: AgencyInput, kinds: readonly AgencyKind[]): Edit {
  const taken = directory.agencies.find((a) => a.code === input.code)
  if (taken) throw conflict(directoryProblemTypes.exists, 'Mã cơ quan đã có trong danh bạ', `Mã ${input.code} là của ${taken.name}${taken.inactive ? ' (đã ngừng hoạt động: hãy kích hoạt lại)' : ''}.`)
  const agency = normalised({ ...input, unit: input.unit ? true : undefined })
  checkEntry(directory, agency, kinds)
  return { directory: validated({ ...directory, agencies: [...directory.agencies, agency] }), agency }
}

export function changeAgency(directory: AgencyDirectory, code: string, change: AgencyChange, kinds: readonly AgencyKind[]): Edit {
  const before = find(directory, code)
  const merged: Agency = { ...before }
  for (const [key, value] of Object.entries(change) as [keyof AgencyChange, unknown][]) {
    if (value === undefined) continue
    ;(merged as Record<string, unknown>)[key] = value === null || value === false ? undefined : value
  }
  const agency = normalised(merged)
  checkEntry(directory, agency, kinds)
  return { directory: validated(replaced(directory, agency)), agency, before }
}

const activeUnits = (directory: AgencyDirectory, code: string) => directory.agencies.filter((a) => a.parent === code && !a.inactive)

export function deactivateAgency(directory: AgencyDirectory, code: string): Edit {
  const before = find(directory, code)
  if (before.inactive) throw conflict(directoryProblemTypes.state, 'Cơ quan đã ngừng hoạt động', `${before.name} (${code}) đã ngừng hoạt động trước đó.`)
  const units = activeUnits(directory, code)
  if (units.length > 0) {
    throw conflict(
      directoryProblemTypes.state,
      'Còn đơn vị trực thuộc đang hoạt động',
      `Hãy chuyển hoặc ngừng hoạt động trước: ${units.map((u) => `${u.name} (${u.code})`).join(', ')}.`,
    )
  }
  const agency = normalised({ ...before, inactive: true })
  return { directory: validated(replaced(directory, agency)), agency, before }
}

export function reactivateAgency(directory: AgencyDirectory, code: string, kinds: readonly AgencyKind[]): Edit {
  const before = find(directory, code)
  if (!before.inactive) throw conflict(directoryProblemTypes.state, 'Cơ quan đang hoạt động', `${before.name} (${code}) đang hoạt động.`)
  const parent = before.parent ? directory.agencies.find((a) => a.code === before.parent) : undefined
  if (parent?.inactive) throw conflict(directoryProblemTypes.state, 'Cơ quan cấp trên đã ngừng hoạt động', `Hãy kích hoạt lại ${parent.name} (${parent.code}) trước.`)
  const agency = normalised({ ...before, inactive: undefined })
  checkEntry(directory, agency, kinds)
  return { directory: validated(replaced(directory, agency)), agency, before }
}

export function removeAgency(directory: AgencyDirectory, code: string, references: References): Edit {
  const before = find(directory, code)
  const units = directory.agencies.filter((a) => a.parent === code).length
  const named = [
    references.dossiers > 0 && `${references.dossiers} hồ sơ`,
    references.roles > 0 && `${references.roles} vai trò cán bộ`,
    units > 0 && `${units} đơn vị trực thuộc`,
  ].filter(Boolean)
  if (named.length > 0) {
    throw conflict(directoryProblemTypes.referenced, 'Cơ quan đang được sử dụng', `${before.name} (${code}) có ${named.join(', ')}: hãy cho ngừng hoạt động thay vì xoá.`)
  }
  return { directory: validated({ ...directory, agencies: directory.agencies.filter((a) => a.code !== code) }), agency: before, before }
}
