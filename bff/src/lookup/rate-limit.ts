/**
 * A sliding-window limiter, in memory: at most `limit` accepted calls per client in ANY window
 * of `windowMs` (not per calendar minute). Each client keeps the times of its last `limit`
 * accepted calls in a small ring; a call is accepted when the oldest of them left the window.
 * A refused call is not recorded, so a client that stops flooding gets its next call as soon as
 * its oldest accepted one is `windowMs` old — the Retry-After it was told.
 *
 * Why not hono-rate-limiter: its MemoryStore counts fixed windows that start at a client's first
 * call, so a client can make `2 × limit` calls within a few seconds around a window edge; it
 * reads Date.now() and its own timer rather than the app's clock; and it keeps every client
 * seen in a window, however many.
 *
 * Memory is bounded: at most `maxClients` rings (a Map in least-recently-used order; the
 * client idle longest is forgotten first, and it is the one least likely to be near its limit).
 * With `limit` 30 a ring is 240 bytes: 10,000 clients hold about 3 MB. One process only: with
 * several BFF instances each counts its own calls (design.md: no home-made clustering).
 */
import type { Clock } from '../clock.ts'

export interface RateLimitOptions {
  limit: number
  windowMs: number
  maxClients: number
  clock: Clock
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

interface Ring {
  times: Float64Array
  /** Index of the oldest entry (where the next accepted call is written). */
  next: number
}

export class SlidingWindowLimiter {
  readonly #clients = new Map<string, Ring>()

  constructor(private readonly options: RateLimitOptions) {}

  /**
   * Records a call by `client` if it is within the limit.
   *
   * @example const decision = limiter.take('203.0.113.7'); if (!decision.ok) throw tooManyRequests(decision.retryAfterSeconds)
   */
  take(client: string): RateDecision {
    const { limit, windowMs, clock } = this.options
    const now = clock.now().getTime()
    const ring = this.#ring(client)
    // The system clock was set back: what was recorded is in the future, and would lock the client out.
    if (ring.times[(ring.next + limit - 1) % limit]! > now) ring.times.fill(-Infinity)
    const oldest = ring.times[ring.next]!
    // Never-used slots hold -Infinity: always outside the window.
    if (now - oldest < windowMs) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) }
    }
    ring.times[ring.next] = now
    ring.next = (ring.next + 1) % limit
    return { ok: true }
  }

  /** How many clients are remembered (for tests of the bound). */
  get size(): number {
    return this.#clients.size
  }

  #ring(client: string): Ring {
    let ring = this.#clients.get(client)
    if (ring) {
      // Move to the most recently used end.
      this.#clients.delete(client)
    } else {
      ring = { times: new Float64Array(this.options.limit).fill(-Infinity), next: 0 }
      if (this.#clients.size >= this.options.maxClients) {
        const idlest = this.#clients.keys().next().value
        if (idlest !== undefined) this.#clients.delete(idlest)
      }
    }
    this.#clients.set(client, ring)
    return ring
  }
}
