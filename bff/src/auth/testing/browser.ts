/**
 * A minimal browser for sign-in tests: follows redirects by hand between the BFF (through
 * `app.request`, at its PUBLIC_ORIGIN) and a provider on a real port, keeping each side's
 * cookies by name (paths and expiry are not needed for these flows).
 */
import type { Hono } from 'hono'

export class TestBrowser {
  readonly cookies = new Map<string, Map<string, string>>()

  constructor(
    private readonly app: Hono,
    private readonly appOrigin: string,
  ) {}

  cookieHeader(origin: string): string {
    return [...(this.cookies.get(origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(this.appOrigin)?.get(name)
  }

  setCookie(name: string, value: string): void {
    const jar = this.cookies.get(this.appOrigin) ?? new Map<string, string>()
    jar.set(name, value)
    this.cookies.set(this.appOrigin, jar)
  }

  /** One request, no redirect followed; cookies are stored. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.appOrigin)
    const headers = new Headers(init.headers)
    const cookie = this.cookieHeader(target.origin)
    if (cookie) headers.set('Cookie', cookie)
    const res =
      target.origin === this.appOrigin
        ? await this.app.request(target.pathname + target.search, { ...init, headers })
        : await fetch(target, { ...init, headers, redirect: 'manual' })
    const jar = this.cookies.get(target.origin) ?? new Map<string, string>()
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      const value = pair.slice(at + 1)
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    this.cookies.set(target.origin, jar)
    return res
  }

  /** Follows redirects until a non-redirect answer, or until `stopAt` says so. */
  async navigate(url: string, stopAt?: (url: URL) => boolean): Promise<{ res: Response; url: URL }> {
    let current = new URL(url, this.appOrigin)
    for (let hops = 0; hops < 20; hops++) {
      if (stopAt?.(current)) return { res: new Response(null, { status: 204 }), url: current }
      const res = await this.request(current.href)
      const location = res.headers.get('Location')
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current }
      current = new URL(location, current)
    }
    throw new Error('too many redirects')
  }
}
