/**
 * Request checks for the sign-in forms: a size-limited urlencoded body, a same-origin check, and
 * a CSRF token bound to the interaction (an HMAC of its uid under the cookie key, so it cannot be
 * made without the server's key). The interaction cookie is SameSite=Lax and path-bound as well.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const MAX_BODY_BYTES = 4096

export class FormError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') throw new FormError(415, 'form body expected')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new FormError(413, 'form body too large')
    chunks.push(chunk)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/** Refuses a browser request that says it comes from another site. */
export function checkSameOrigin(req: IncomingMessage, origin: string): void {
  const sent = req.headers.origin
  if (sent !== undefined && sent !== 'null' && sent !== origin) throw new FormError(403, 'cross-origin form post')
  if (sent === 'null' || req.headers['sec-fetch-site'] === 'cross-site') throw new FormError(403, 'cross-site form post')
}

export function csrfToken(key: string, uid: string): string {
  return createHmac('sha256', key).update(`idp-form:${uid}`).digest('base64url')
}

export function checkCsrf(key: string, uid: string, token: string | null): void {
  const expected = Buffer.from(csrfToken(key, uid))
  const actual = Buffer.from(token ?? '')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new FormError(403, 'bad form token')
}
