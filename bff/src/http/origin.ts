/**
 * Cross-site request refusal for state-changing requests (anything but GET, HEAD, OPTIONS).
 *
 * hono/csrf only looks at form content types, and our writes are JSON, so this checks every
 * unsafe request: a browser always sends `Origin` on them, which must then be one of ours. A
 * request without `Origin` comes from a non-browser client (a connector's callback, curl) and
 * passes, unless the browser-set `Sec-Fetch-Site` says it is cross-site. Cookies alone (the
 * session cookie is SameSite=Lax) are not relied on.
 */
import type { MiddlewareHandler } from 'hono'
import { forbiddenOrigin } from './problem.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** @example app.use(originCheck(['https://dichvucong.example.gov.vn'])) */
export function originCheck(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins)
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const origin = c.req.header('Origin')
    if (origin !== undefined && !allowed.has(origin)) throw forbiddenOrigin(`Origin ${origin} không được phép gửi yêu cầu này.`)
    if (origin === undefined && c.req.header('Sec-Fetch-Site') === 'cross-site') {
      throw forbiddenOrigin('Yêu cầu đến từ một trang khác.')
    }
    return next()
  }
}
