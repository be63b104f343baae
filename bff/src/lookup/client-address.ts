/**
 * Who is calling, for per-client limits: the address of the TCP peer, unless that peer is one
 * of the reverse proxies named in TRUSTED_PROXIES (docs/configuration.md). Only then is
 * X-Forwarded-For read, from the right: each proxy appends the address it received the
 * request from, so the first address from the right that is not a trusted proxy is the client.
 * Entries further left were written by the client itself and prove nothing.
 *
 * Without a socket (tests through `app.request()`), every caller is `unknown`: one shared
 * budget, never an unlimited one.
 */
import { BlockList, isIP } from 'node:net'
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

export const UNKNOWN_CLIENT = 'unknown'

/** `::ffff:203.0.113.7` (IPv4 on a dual-stack socket) is `203.0.113.7`. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')

/** TRUSTED_PROXIES entries (addresses and CIDR subnets, validated by the config) as a set. */
function trustedProxySet(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined]
    if (prefix === undefined) list.addAddress(address, family(address))
    else list.addSubnet(address, Number(prefix), family(address))
  }
  return list
}

function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: unknown } | undefined
  return env?.incoming ? getConnInfo(c).remote.address : undefined
}

export class ClientAddresses {
  readonly #trusted: BlockList | undefined

  constructor(trustedProxies: readonly string[]) {
    this.#trusted = trustedProxies.length > 0 ? trustedProxySet(trustedProxies) : undefined
  }

  /**
   * @example new ClientAddresses(['127.0.0.1']).of(c) // '198.51.100.4' for X-Forwarded-For: 198.51.100.4 through 127.0.0.1
   */
  of(c: Context): string {
    const peer = socketAddress(c)
    if (peer === undefined) return UNKNOWN_CLIENT
    let client = plain(peer)
    if (!this.#isTrusted(client)) return client
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',').map((hop) => plain(hop.trim()))
    for (const hop of hops.reverse()) {
      // Garbage is not an address: stop at the last proxy that wrote sense.
      if (!isIP(hop)) return client
      client = hop
      if (!this.#isTrusted(hop)) return hop
    }
    return client
  }

  #isTrusted(address: string): boolean {
    const kind = isIP(address)
    return this.#trusted !== undefined && kind !== 0 && this.#trusted.check(address, kind === 6 ? 'ipv6' : 'ipv4')
  }
}
