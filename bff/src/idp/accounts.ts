/**
 * The embedded provider's accounts: what it needs to sign a person in (username, password hash,
 * TOTP secret) and the claims it releases about them. Roles and agencies are not here: they are
 * the portal's own (src/accounts), keyed by `sub`.
 */

/** The standard OpenID `address` claim, with the 2025 statistics-office unit codes added. */
export interface AddressClaim {
  formatted: string
  street_address: string
  /** Commune or ward. */
  locality: string
  /** Province. */
  region: string
  country: 'VN'
  /** 2025 statistics-office province code, e.g. "19" (Thái Nguyên). */
  province_code: string
  /** 2025 statistics-office commune code, e.g. "05443" (phường Phan Đình Phùng). */
  commune_code: string
}

/** Claims released by scope: see SCOPE_CLAIMS in claims.ts. */
export interface AccountClaims {
  name: string
  given_name?: string
  family_name?: string
  birthdate?: string
  gender?: 'male' | 'female'
  email?: string
  email_verified?: boolean
  phone_number?: string
  phone_number_verified?: boolean
  address?: AddressClaim
  /** 12-digit personal identification number (số định danh cá nhân). */
  identity_number?: string
  account_type: 'citizen' | 'organisation'
  /** Organisations: tax code (mã số thuế). */
  tax_code?: string
  /** Stable technical id, like the national portal's TechID. */
  tech_id: string
}

export interface IdpAccount {
  /** Stable UUID: the `sub` of every token. */
  sub: string
  /** What the person types: the identity number for citizens (as VNeID), the tax code for organisations, a short login for staff. */
  username: string
  /** scrypt hash (passwords.ts); never a plain password. */
  passwordHash: string
  /** Base32 TOTP secret. Present: the account must give a code after its password (level 3 for staff). */
  totpSecret?: string
  claims: AccountClaims
}

export class AccountDirectory {
  readonly #bySub = new Map<string, IdpAccount>()
  readonly #byUsername = new Map<string, IdpAccount>()

  constructor(accounts: readonly IdpAccount[]) {
    for (const account of accounts) {
      const username = normaliseUsername(account.username)
      if (this.#bySub.has(account.sub) || this.#byUsername.has(username)) {
        throw new Error(`duplicate idp account ${account.sub} / ${account.username}`)
      }
      this.#bySub.set(account.sub, account)
      this.#byUsername.set(username, account)
    }
  }

  bySub(sub: string): IdpAccount | undefined {
    return this.#bySub.get(sub)
  }

  byUsername(username: string): IdpAccount | undefined {
    return this.#byUsername.get(normaliseUsername(username))
  }
}

/** Case and surrounding spaces do not matter; people type identity numbers with spaces too. */
export function normaliseUsername(username: string): string {
  const trimmed = username.normalize('NFC').trim().toLowerCase()
  return /^[\d\s.]+$/.test(trimmed) ? trimmed.replace(/[\s.]/g, '') : trimmed
}
