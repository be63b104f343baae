/** The address list (shared/data/addresses.json), read and decoded once per process. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseAddressDataset, type AddressDataset } from '@portal/shared/forms/address'

let dataset: AddressDataset | undefined

export function addresses(): AddressDataset {
  // The path is resolved on the first call only: resolving it on every call cost ~9 % of the BFF CPU under the intake bench.
  dataset ??= parseAddressDataset(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@portal/shared/data/addresses.json'), 'utf8')))
  return dataset
}
