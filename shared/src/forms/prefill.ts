/**
 * Prefill (TT 22/2019/TT-VPCP Art. 6: forms are filled from data the state already holds): the
 * values a form's fields take from the signed-in person's verified claims, as GET /api/me
 * returns them (bff/src/auth/profile.ts). Pure: no fetch, no storage, so the app uses it when a
 * draft is created or when the user asks to fill the empty fields, and the BFF can use the same
 * mapping at intake (to tell a value that came from the account from one typed by hand).
 *
 * Which fields: every field with `prefill` at the top level of a section. Inside a repeated
 * group only a field that carries `prefill` itself, and only in the group's first item when the
 * group always has one (`min` ≥ 1): an optional group is not started on the user's behalf.
 *
 * Values, each normalised as the field would store it, or none when the claim is missing or
 * unusable (nothing is guessed):
 * - fullName → `name`; identityNumber → `identityNumber` (12 digits);
 * - birthDate → `birthDate` as ISO yyyy-mm-dd (a year-only or 0000-mm-dd OIDC birthdate is not
 *   a date of birth the form can take);
 * - address → { provinceCode, communeCode, street } from the claim's `province_code`,
 *   `commune_code` and `street_address`: the codes are the statistics office's, the ones in the
 *   address extract (2-digit province, 5-digit commune); a code sent without its leading zeros
 *   is padded. With the address list at hand, the commune must exist and lie in the province;
 * - phone → `phone` as a domestic number ("+84912345678" → "0912345678"); email → `email`.
 */
import type { AddressDataset } from './address.ts'
import type { AddressValue, Field, FormDefinition, PrefillSource } from './definition.ts'
import { normalizeEmail, normalizeIdentityNumber, normalizePhone, normalizeText } from './normalize.ts'

/** The members of GET /api/me that prefill reads (a subset of the BFF's Profile). */
export interface ClaimsProfile {
  name?: string
  identityNumber?: string
  birthDate?: string
  address?: { formatted?: string; streetAddress?: string; provinceCode?: string; communeCode?: string }
  phone?: string
  email?: string
}

export interface PrefillTarget {
  /** Value path (forms: `fieldId`, or `groupId.0.fieldId`). */
  path: string
  field: Field & { prefill: PrefillSource }
}

export interface PrefillEntry {
  path: string
  value: unknown
}

/** Which field kinds can hold which claim. */
const KINDS: Record<PrefillSource, readonly Field['kind'][]> = {
  fullName: ['text'],
  identityNumber: ['identityNumber', 'text'],
  birthDate: ['date'],
  address: ['address'],
  phone: ['phone', 'text'],
  email: ['email', 'text'],
}

const hasPrefill = (field: Field): field is PrefillTarget['field'] => field.prefill !== undefined && KINDS[field.prefill].includes(field.kind)

/** The fields of a form that take a value from the account, with their paths. */
export function prefillTargets(form: FormDefinition): PrefillTarget[] {
  const targets: PrefillTarget[] = []
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (hasPrefill(field)) targets.push({ path: field.id, field })
      else if (field.kind === 'group' && (field.min ?? 0) >= 1) {
        for (const inner of field.fields) if (hasPrefill(inner)) targets.push({ path: `${field.id}.0.${inner.id}`, field: inner })
      }
    }
  }
  return targets
}

function isoDate(value: string | undefined): string | undefined {
  const match = value && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim())
  if (!match) return undefined
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return y > 0 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? match[0] : undefined
}

const code = (value: string | undefined, digits: number) => {
  const trimmed = value?.trim() ?? ''
  return /^\d+$/.test(trimmed) && trimmed.length <= digits ? trimmed.padStart(digits, '0') : undefined
}

function address(claim: ClaimsProfile['address'], dataset?: AddressDataset): AddressValue | undefined {
  const provinceCode = code(claim?.provinceCode, 2)
  const communeCode = code(claim?.communeCode, 5)
  if (!provinceCode || !communeCode) return undefined
  if (dataset && dataset.communeByCode.get(communeCode)?.provinceCode !== provinceCode) return undefined
  return { provinceCode, communeCode, street: normalizeText(claim?.streetAddress ?? '') }
}

const nonEmpty = (value: string | undefined) => (value ? value : undefined)

/** The value a claim gives a field of that source, or undefined when it gives none. */
export function prefillValue(source: PrefillSource, profile: ClaimsProfile, dataset?: AddressDataset): unknown {
  switch (source) {
    case 'fullName':
      return nonEmpty(normalizeText(profile.name ?? ''))
    case 'identityNumber': {
      const number = normalizeIdentityNumber(profile.identityNumber ?? '')
      return /^\d{12}$/.test(number) ? number : undefined
    }
    case 'birthDate':
      return isoDate(profile.birthDate)
    case 'address':
      return address(profile.address, dataset)
    case 'phone':
      return nonEmpty(normalizePhone(profile.phone ?? ''))
    case 'email':
      return nonEmpty(normalizeEmail(profile.email ?? ''))
  }
}

/** A value the account may fill: none yet, an empty text, or an address with nothing chosen or typed. */
export const isEmptyValue = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((v) => v === '' || v === undefined || v === null))

/**
 * What the account fills in a form: one entry per prefillable field whose current value (read
 * by `valueAt`) is empty and for which the claims give a value.
 */
export function prefillEntries(
  form: FormDefinition,
  profile: ClaimsProfile,
  valueAt: (path: string) => unknown = () => undefined,
  dataset?: AddressDataset,
): PrefillEntry[] {
  const entries: PrefillEntry[] = []
  for (const { path, field } of prefillTargets(form)) {
    if (!isEmptyValue(valueAt(path))) continue
    const value = prefillValue(field.prefill, profile, dataset)
    if (value !== undefined) entries.push({ path, value })
  }
  return entries
}
