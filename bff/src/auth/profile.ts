/**
 * What the app sees of a signed-in person: the profile from the provider's claims (as stored
 * at sign-in) and the roles from the portal's own tables. Claims are copied field by field —
 * only what the app uses, never the provider's whole document.
 */
import * as v from 'valibot'
import type { Assignment } from '../accounts/roles.ts'
import type { Session } from './sessions.ts'

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

export const AddressSchema = v.object({
  formatted: v.optional(v.string()),
  streetAddress: v.optional(v.string()),
  provinceCode: v.optional(v.string()),
  communeCode: v.optional(v.string()),
})

export const RoleSchema = v.variant('role', [
  v.object({ role: v.literal('citizen') }),
  v.object({ id: v.number(), role: v.literal('officer'), duty: v.picklist(['reception', 'processing', 'approval']), agencyCode: v.string() }),
  v.object({ id: v.number(), role: v.literal('administrator') }),
])

export const ProfileSchema = v.object({
  sub: v.string(),
  name: v.optional(v.string()),
  identityNumber: v.optional(v.string()),
  birthDate: v.optional(v.string()),
  address: v.optional(AddressSchema),
  phone: v.optional(v.string()),
  email: v.optional(v.string()),
  accountType: v.optional(v.picklist(['citizen', 'organisation'])),
  taxCode: v.optional(v.string()),
  roles: v.array(RoleSchema),
})
export type Profile = v.InferOutput<typeof ProfileSchema>

export const SessionUserSchema = v.object({
  sub: v.string(),
  name: v.optional(v.string()),
  roles: v.array(RoleSchema),
  mfa: v.boolean(),
  /** Seconds of inactivity after which the session ends. */
  idleSeconds: v.number(),
  /** ISO: the absolute end of the session. */
  expiresAt: v.string(),
})

export const SessionStateSchema = v.object({ authenticated: v.boolean(), user: v.optional(SessionUserSchema) })
export type SessionState = v.InferOutput<typeof SessionStateSchema>

export function roles(assignments: readonly Assignment[]): Profile['roles'] {
  return [{ role: 'citizen' }, ...assignments]
}

function address(value: unknown): Profile['address'] {
  if (!value || typeof value !== 'object') return undefined
  const a = value as Record<string, unknown>
  const out = {
    formatted: str(a.formatted),
    streetAddress: str(a.street_address),
    provinceCode: str(a.province_code),
    communeCode: str(a.commune_code),
  }
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined))
}

export function profileOf(session: Session): Profile {
  const claims = session.profile ?? {}
  const accountType = claims.account_type === 'organisation' ? 'organisation' : claims.account_type === 'citizen' ? 'citizen' : undefined
  const out: Profile = {
    sub: session.sub,
    name: str(claims.name),
    identityNumber: str(claims.identity_number),
    birthDate: str(claims.birthdate),
    address: address(claims.address),
    phone: str(claims.phone_number),
    email: str(claims.email),
    accountType,
    taxCode: str(claims.tax_code),
    roles: roles(session.assignments),
  }
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined)) as Profile
}

export function sessionState(session: Session | null): SessionState {
  if (!session) return { authenticated: false }
  const name = str(session.profile?.name)
  return {
    authenticated: true,
    user: {
      sub: session.sub,
      ...(name ? { name } : {}),
      roles: roles(session.assignments),
      mfa: session.mfa,
      idleSeconds: session.idleSeconds,
      expiresAt: new Date(session.expiresAt).toISOString(),
    },
  }
}

/** True when the ID token shows a second factor. */
export function hasSecondFactor(idClaims: Record<string, unknown>): boolean {
  const amr = Array.isArray(idClaims.amr) ? idClaims.amr : []
  return amr.includes('otp') || amr.includes('mfa') || idClaims.acr === 'urn:portal:loa:2'
}

/** "Chrome · Android": enough to tell one's own devices apart in the session list. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? ''
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ''
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : ''
  return [browser, os].filter(Boolean).join(' · ') || 'Không rõ thiết bị'
}
