/**
 * When to try a failed delivery again: exponential backoff with "equal jitter". The n-th
 * failure waits between half and all of min(cap, base · 2^(n−1)): doubling spaces the attempts
 * while the one-stop-shop is down, the cap keeps a long outage from pushing the next attempt
 * hours away, and the random half spreads the retries of many dossiers that failed together
 * (a province coming back is not hit by all of them in the same second). Half is kept fixed so
 * that no retry comes at once after a failure.
 *
 * @example retryDelay(3, { baseMs: 1000, capMs: 300_000 }) // between 2,000 and 4,000 ms
 */
export interface Backoff {
  baseMs: number
  capMs: number
}

export function retryDelay(failures: number, { baseMs, capMs }: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 40))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
