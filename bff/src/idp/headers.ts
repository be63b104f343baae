/**
 * The BFF's security headers (src/http/security.ts: strict CSP, no inline script or style, no
 * framing, HSTS, ...) on every response of the provider too. They are taken from the BFF's own
 * middleware once, so the two can never drift apart. oidc-provider's auto-submitting form_post
 * pages add their script's hash to this CSP themselves (no 'unsafe-inline' needed).
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { KoaContextWithOIDC } from 'oidc-provider'
import { securityHeaders } from '../http/security.ts'

type Next = () => Promise<unknown>

export async function bffSecurityHeaders(): Promise<[string, string][]> {
  const probe = new Hono().use(securityHeaders()).get('/', (c) => c.body(null, 204))
  const res = await probe.request('/')
  return [...res.headers.entries()].filter(([name]) => name !== 'content-type')
}

export function securityHeadersMiddleware(headers: [string, string][]) {
  return async function idpSecurityHeaders(ctx: KoaContextWithOIDC, next: Next): Promise<void> {
    for (const [name, value] of headers) ctx.set(name, value)
    await next()
  }
}

const CSS = readFileSync(new URL('./idp.css', import.meta.url), 'utf8')

/** `/assets/idp.css` under the mount: the pages' only stylesheet (the CSP allows 'self'). */
export function stylesheet() {
  return async function idpStylesheet(ctx: KoaContextWithOIDC, next: Next): Promise<void> {
    if (ctx.path !== '/assets/idp.css') return void (await next())
    ctx.set('Cache-Control', 'public, max-age=3600')
    ctx.type = 'text/css; charset=utf-8'
    ctx.body = CSS
  }
}
