/**
 * The address list (34 provinces, 3,321 communes), loaded on the first address field and kept
 * for the visit. The file is a hashed asset the service worker precaches (config/pwa.ts
 * includes .json), so it is there offline even before its first use; nothing of it loads on
 * the home route.
 */
import url from '@portal/shared/data/addresses.json?url'
import { parseAddressDataset, type AddressDataset } from '@portal/shared/forms/address'

let loading: Promise<AddressDataset> | undefined

export function loadAddresses(): Promise<AddressDataset> {
  loading ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`address list: HTTP ${response.status}`)
      return response.json()
    })
    .then(parseAddressDataset)
    .catch((error: unknown) => {
      loading = undefined
      throw error
    })
  return loading
}
