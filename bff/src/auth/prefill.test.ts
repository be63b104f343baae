/**
 * What GET /api/me returns is what the app's prefill reads (shared/src/forms/prefill.ts): each
 * demo person's claims, through the profile the BFF builds, give the form's values — and their
 * address codes are the address extract's (2-digit province, 5-digit commune of that province).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAddressDataset } from '@portal/shared/forms/address'
import { prefillValue } from '@portal/shared/forms/prefill'
import { demoAccounts } from '../idp/demo-accounts.ts'
import { profileOf } from './profile.ts'
import type { Session } from './sessions.ts'

const addresses = parseAddressDataset(JSON.parse(readFileSync(new URL('../../../shared/data/addresses.json', import.meta.url), 'utf8')))
const sessionOf = (sub: string, claims: object) => ({ sub, assignments: [], profile: { ...claims } }) as unknown as Session

describe('prefill from the profile of /api/me', () => {
  it('gives every demo citizen their name, identity number, birth date and an address in the extract', () => {
    const citizens = demoAccounts.filter((a) => a.claims.account_type === 'citizen' && !a.totpSecret && a.claims.identity_number)
    expect(citizens.length).toBeGreaterThanOrEqual(4)
    for (const account of citizens) {
      const profile = profileOf(sessionOf(account.sub, account.claims))
      expect(prefillValue('fullName', profile)).toBe(account.claims.name)
      expect(prefillValue('identityNumber', profile)).toBe(account.claims.identity_number)
      expect(prefillValue('birthDate', profile)).toBe(account.claims.birthdate)
      const address = prefillValue('address', profile, addresses)
      expect(address, account.username).toEqual({ provinceCode: '19', communeCode: account.claims.address?.commune_code, street: account.claims.address?.street_address })
      expect(prefillValue('phone', profile)).toMatch(/^0\d{9}$/)
    }
  })
})
