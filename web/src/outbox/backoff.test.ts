import { describe, expect, it } from 'vitest'
import { BACKOFF_CAP_MS, backoffCeiling, backoffDelay } from './backoff.ts'

describe('backoff schedule', () => {
  it('doubles from 2 s up to a 5 min cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(backoffCeiling)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000])
  })

  it('waits a uniformly random time between 0 and the ceiling (full jitter)', () => {
    for (const attempts of [1, 3, 10]) {
      expect(backoffDelay(attempts, () => 0)).toBe(0)
      expect(backoffDelay(attempts, () => 0.5)).toBe(backoffCeiling(attempts) / 2)
      expect(backoffDelay(attempts, () => 0.999999)).toBeLessThan(backoffCeiling(attempts))
    }
    const delays = Array.from({ length: 500 }, () => backoffDelay(12))
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThan(BACKOFF_CAP_MS)
    // Spread over the range, not bunched at one end.
    expect(delays.filter((d) => d < BACKOFF_CAP_MS / 2).length).toBeGreaterThan(150)
    expect(delays.filter((d) => d >= BACKOFF_CAP_MS / 2).length).toBeGreaterThan(150)
  })
})
