/**
 * Random ids for cookies and their stored form. The browser gets 32 random bytes (base64url);
 * the database keeps only their SHA-256, so reading the database does not give a live cookie.
 */
import { hash, randomBytes } from 'node:crypto'

/** @example const id = newSecret() // 43 base64url characters */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex')
}

/** Only well-formed values are looked up: anything else is treated as no cookie at all. */
export function isSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value)
}
