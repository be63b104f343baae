/** The address list (shared/data/addresses.json), read and decoded once per process. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseAddressDataset, type AddressDataset } from '@portal/shared/forms/address'

let dataset: AddressDataset | undefined

export function addresses(): AddressDataset {
  const file = createRequire(import.meta.url).resolve('@portal/shared/data/addresses.json')
  dataset ??= parseAddressDataset(JSON.parse(readFileSync(file, 'utf8')))
  return dataset
}
