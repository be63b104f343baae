/**
 * The address list: 34 provinces and 3,321 communes since 1 July 2025, with statistics-office
 * codes, from the compact extract shared/data/addresses.json (built by
 * scripts/address/build-extract.ts, format documented there). The app fetches the file on
 * demand as a hashed asset and caches it; `parseAddressDataset` validates and decodes it once.
 */
import * as v from 'valibot'
import type { AddressValue } from './definition.ts'

export interface Province {
  code: string
  name: string
}
export interface Commune {
  code: string
  name: string
  provinceCode: string
}
export interface AddressDataset {
  version: string
  provinces: readonly Province[]
  /** Sorted by code. */
  communes: readonly Commune[]
  provinceByCode: ReadonlyMap<string, Province>
  communeByCode: ReadonlyMap<string, Commune>
}

const ExtractSchema = v.object({
  version: v.string(),
  source: v.optional(v.string()),
  provinces: v.array(
    v.tuple([
      v.pipe(v.string(), v.regex(/^\d{2}$/)),
      v.pipe(v.string(), v.minLength(1)),
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
      v.array(v.pipe(v.string(), v.minLength(1))),
    ]),
  ),
})

/** Decodes and checks the extract; throws on a malformed or inconsistent file. */
export function parseAddressDataset(json: unknown): AddressDataset {
  const extract = v.parse(ExtractSchema, json)
  const provinces: Province[] = []
  const communes: Commune[] = []
  for (const [code, name, deltas, names] of extract.provinces) {
    if (deltas.length !== names.length) throw new Error(`address extract: province ${code} codes/names differ in length`)
    provinces.push({ code, name })
    let commune = 0
    deltas.forEach((delta, i) => {
      commune += delta
      if (commune > 99999) throw new Error(`address extract: commune code out of range in ${code}`)
      communes.push({ code: String(commune).padStart(5, '0'), name: names[i]!, provinceCode: code })
    })
  }
  communes.sort((a, b) => a.code.localeCompare(b.code))
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
  const communeByCode = new Map(communes.map((c) => [c.code, c]))
  if (provinceByCode.size !== provinces.length) throw new Error('address extract: duplicate province code')
  if (communeByCode.size !== communes.length) throw new Error('address extract: duplicate commune code')
  return { version: extract.version, provinces, communes, provinceByCode, communeByCode }
}

export function communesOf(dataset: AddressDataset, provinceCode: string): Commune[] {
  return dataset.communes.filter((c) => c.provinceCode === provinceCode)
}

export type AddressProblem = 'address.invalid' | 'address.province' | 'address.commune' | 'address.street'

/** Shape of a stored address value (codes as strings, street text). */
export function isAddressShape(value: unknown): value is AddressValue {
  if (typeof value !== 'object' || value === null) return false
  const a = value as Record<string, unknown>
  return typeof a.provinceCode === 'string' && typeof a.communeCode === 'string' && typeof a.street === 'string'
}

/**
 * First problem of an address, or null. Without a dataset only the code formats are checked
 * (the BFF and tests pass one; the app passes it once loaded). `requireStreet`: the field is
 * required, so the street and house number must be given too.
 */
export function addressProblem(value: unknown, dataset: AddressDataset | undefined, requireStreet: boolean): AddressProblem | null {
  if (!isAddressShape(value)) return 'address.invalid'
  if (dataset ? !dataset.provinceByCode.has(value.provinceCode) : !/^\d{2}$/.test(value.provinceCode)) return 'address.province'
  const commune = dataset?.communeByCode.get(value.communeCode)
  if (dataset ? commune?.provinceCode !== value.provinceCode : !/^\d{5}$/.test(value.communeCode)) return 'address.commune'
  if (requireStreet && value.street.trim() === '') return 'address.street'
  return null
}

export function isValidAddress(value: unknown, dataset: AddressDataset): value is AddressValue {
  return addressProblem(value, dataset, false) === null
}

/** "12 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội" (unknown codes are shown as codes). */
export function formatAddress(value: AddressValue, dataset: AddressDataset): string {
  const commune = dataset.communeByCode.get(value.communeCode)?.name ?? value.communeCode
  const province = dataset.provinceByCode.get(value.provinceCode)?.name ?? value.provinceCode
  return [value.street.trim(), commune, province].filter((s) => s !== '').join(', ')
}
