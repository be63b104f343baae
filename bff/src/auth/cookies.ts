/**
 * The two cookies of the BFF. `__Host-` makes the browser refuse them unless Secure, Path=/ and
 * without Domain, so no other host or path can set or shadow them. The names differ from the
 * embedded provider's (`_session`, `_interaction`): cookies ignore ports.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

export const SESSION_COOKIE = '__Host-portal'
export const LOGIN_COOKIE = '__Host-portal-login'

const FLAGS = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name)
}

/** @example writeCookie(c, SESSION_COOKIE, secret, 43_200) */
export function writeCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, { ...FLAGS, maxAge: maxAgeSeconds })
}

export function clearCookie(c: Context, name: string): void {
  deleteCookie(c, name, FLAGS)
}
