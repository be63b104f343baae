/**
 * For the provider's tests: the provider alone on 127.0.0.1 (a real port, a real SQLite file in a
 * temp folder), a client registered with it, and a small browser: a cookie jar that honours
 * cookie paths, redirects followed by hand so each step can be checked.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fixedClock, tempDir } from '../testing/app.ts'
import { createEmbeddedProvider, type EmbeddedProvider, type EmbeddedProviderOptions } from './provider.ts'

export const CLIENT = { id: 'portal-bff', secret: 'test-secret-0123456789-0123456789-abcdef' }

export interface TestIdp {
  idp: EmbeddedProvider
  port: number
  issuer: string
  origin: string
  redirectUri: string
  clock: ReturnType<typeof fixedClock>
  dataDir: string
  stop(): Promise<void>
  cleanup(): void
}

/** Starts on a free port (or `port`); `dataDir` reuses a folder (restart tests). */
export async function startTestIdp({ port = 0, ...options }: Partial<EmbeddedProviderOptions> & { port?: number } = {}): Promise<TestIdp> {
  const temp = options.dataDir ? undefined : tempDir('portal-idp-test-')
  const dataDir = options.dataDir ?? (temp as { dir: string }).dir
  let handler: EmbeddedProvider['handle'] = (_req, res) => res.writeHead(503).end()
  const server: Server = createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clock = fixedClock(new Date().toISOString())
  const redirectUri = `${origin}/auth/callback`
  const idp = await createEmbeddedProvider({
    issuer: `${origin}/idp`,
    dataDir,
    clock,
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [`${origin}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    ...options,
  })
  handler = (req, res) => {
    // No keep-alive: a restart test reuses the port, and a pooled socket to the old server fails.
    res.shouldKeepAlive = false
    return idp.matches(req.url ?? '') ? idp.handle(req, res) : res.writeHead(404).end()
  }
  return {
    idp,
    port: (server.address() as AddressInfo).port,
    issuer: idp.issuer,
    origin,
    redirectUri,
    clock,
    dataDir,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      idp.close()
    },
    cleanup: () => temp?.cleanup(),
  }
}

/** A browser with cookies, no automatic redirects. */
export class Browser {
  readonly #cookies = new Map<string, { value: string; path: string }>()

  constructor(readonly origin: string) {}

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url, this.origin)
    const headers: Record<string, string> = { ...init.headers }
    const cookie = [...this.#cookies].filter(([, c]) => target.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`)
    if (cookie.length) headers.cookie = cookie.join('; ')
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      headers.origin ??= this.origin
      body = new URLSearchParams(init.form).toString()
    }
    const res = await fetch(target, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) this.#store(line)
    return res
  }

  /** Follows redirects while they stay on the provider; returns the last response. */
  async follow(url: string, init: Parameters<Browser['request']>[1] = {}, stopAt?: string): Promise<Response> {
    let res = await this.request(url, init)
    while (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location') ?? '', url).href
      if (stopAt && location.startsWith(stopAt)) return res
      url = location
      res = await this.request(url)
    }
    return res
  }

  cookieNames(): string[] {
    return [...this.#cookies.keys()]
  }

  #store(line: string) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/'
    const expired = attributes.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()) || attributes.some((a) => /^max-age=0$/i.test(a))
    if (expired || value === '') this.#cookies.delete(name)
    else this.#cookies.set(name, { value, path })
  }
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

/** The form token and action of a rendered page (the first form). */
export function formOf(html: string): { action: string; csrf: string } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
  return { action: action.replace(/&amp;/g, '&'), csrf }
}

export function decodeJwt(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = jwt.split('.')
  return { header: JSON.parse(Buffer.from(header, 'base64url').toString()), payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) }
}
