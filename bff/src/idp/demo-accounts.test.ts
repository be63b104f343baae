/** The demo data is consistent with itself and with the catalogue it lives beside. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AccountDirectory } from './accounts.ts'
import { DEMO_PASSWORD, demoAccounts, demoStaff } from './demo-accounts.ts'
import { verifyPassword } from './passwords.ts'

const agencies = JSON.parse(readFileSync(new URL('../catalog/seed/agencies.json', import.meta.url), 'utf8')) as {
  agencies: { code: string; communeCode?: string }[]
}
const communeCodes = new Set(agencies.agencies.map((a) => a.communeCode).filter(Boolean))
const agencyCodes = new Set(agencies.agencies.map((a) => a.code))

describe('demo accounts', () => {
  it('have unique subs and usernames, and at least 4 citizens, an organisation, 2 officers in each of 2 agencies and an administrator', () => {
    expect(() => new AccountDirectory(demoAccounts)).not.toThrow()
    expect(demoAccounts.filter((a) => a.claims.account_type === 'citizen' && !a.totpSecret).length).toBeGreaterThanOrEqual(4)
    expect(demoAccounts.some((a) => a.claims.account_type === 'organisation')).toBe(true)
    const officersByAgency = new Map<string, number>()
    for (const s of demoStaff) if (s.agencyCode) officersByAgency.set(s.agencyCode, (officersByAgency.get(s.agencyCode) ?? 0) + 1)
    expect([...officersByAgency.values()].filter((count) => count >= 2)).toHaveLength(2)
    expect(demoStaff.filter((s) => s.role === 'administrator')).toHaveLength(1)
    for (const s of demoStaff) if (s.agencyCode) expect(agencyCodes).toContain(s.agencyCode)
  })

  it('give identity numbers whose structure matches the birth date and sex, and citizens their own as username', () => {
    for (const { username, claims, totpSecret } of demoAccounts) {
      if (!claims.identity_number) continue
      const [, province, centurySex, year] = /^(\d{3})(\d)(\d{2})\d{6}$/.exec(claims.identity_number) ?? []
      expect(province).toBe('019')
      const born = claims.birthdate ?? ''
      const century = born.startsWith('19') ? 0 : 2
      expect(Number(centurySex)).toBe(century + (claims.gender === 'female' ? 1 : 0))
      expect(year).toBe(born.slice(2, 4))
      if (!totpSecret) expect(username).toBe(claims.identity_number)
    }
  })

  it('give addresses in Thái Nguyên communes of the directory, and a tax code with a valid check digit', () => {
    for (const { claims } of demoAccounts) {
      if (claims.address) {
        expect(claims.address.province_code).toBe('19')
        expect(communeCodes).toContain(claims.address.commune_code)
      }
      if (claims.tax_code) {
        const digits = [...claims.tax_code].map(Number)
        const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((total, w, i) => total + w * (digits[i] ?? 0), 0)
        expect(digits[9]).toBe(10 - (sum % 11))
      }
    }
  })

  it('store the demo password only as scrypt hashes that verify, and give staff a TOTP secret', async () => {
    for (const account of demoAccounts) {
      expect(account.passwordHash).toMatch(/^scrypt\$/)
      expect(await verifyPassword(DEMO_PASSWORD, account.passwordHash)).toBe(true)
    }
    expect(await verifyPassword('demo@2026!', demoAccounts[0]!.passwordHash)).toBe(false)
    for (const s of demoStaff) expect(s.totpSecret).toMatch(/^[A-Z2-7]{32}$/)
  })
})
