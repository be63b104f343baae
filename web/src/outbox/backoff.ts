/**
 * Retry delays: exponential backoff with full jitter (a uniformly random wait between 0 and
 * min(cap, base · 2^attempt)). The jitter spreads devices that lost the network together (a
 * whole commune's phones after an outage) so they do not all come back at the same instant.
 */
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_CAP_MS = 5 * 60_000

/** The ceiling of the wait after `attempts` failed attempts (1 → base). */
export function backoffCeiling(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
}

/** The wait before the next attempt; `random` returns [0, 1) (Math.random, or fixed in tests). */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(attempts))
}
