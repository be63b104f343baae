/**
 * What the embedded provider releases, by scope, and the authentication values it puts in ID
 * tokens. These names are the contract with the BFF's client side (src/auth) and match what the
 * national portal's SSO carries (domain.md §6): identity number, account type, tax code, TechID.
 */

export const SCOPE_CLAIMS = {
  // acr, amr and auth_time with openid: oidc-provider puts them in an ID token only when its
  // scopes' claims name them (or the client asks), and the BFF must always see them.
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  profile: ['name', 'given_name', 'family_name', 'birthdate', 'gender'],
  /** The standard `address` claim with `province_code` and `commune_code` members added. */
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
  email: ['email', 'email_verified'],
  vn_identity: ['identity_number', 'account_type', 'tax_code', 'tech_id'],
} as const

export const SCOPES = Object.keys(SCOPE_CLAIMS)

/** RFC 8176 authentication method references. */
export const AMR_PASSWORD = ['pwd'] as const
export const AMR_PASSWORD_OTP = ['pwd', 'otp'] as const

/** Level of assurance: password only, or password and a TOTP code. */
export const ACR_LOA1 = 'urn:portal:loa:1'
export const ACR_LOA2 = 'urn:portal:loa:2'
