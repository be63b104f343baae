import { describe, expect, it } from 'vitest'
import { retryDelay } from './backoff.ts'

const policy = { baseMs: 1000, capMs: 60_000 }

describe('retryDelay', () => {
  it('doubles with each failure, between half and all of the ceiling', () => {
    for (const [failures, ceiling] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [6, 32_000],
    ] as const) {
      expect(retryDelay(failures, policy, () => 0)).toBe(ceiling / 2)
      expect(retryDelay(failures, policy, () => 0.999999)).toBe(ceiling)
      const drawn = retryDelay(failures, policy)
      expect(drawn).toBeGreaterThanOrEqual(ceiling / 2)
      expect(drawn).toBeLessThanOrEqual(ceiling)
    }
  })

  it('stops growing at the cap, however many failures', () => {
    expect(retryDelay(7, policy, () => 0.999999)).toBe(60_000)
    expect(retryDelay(1000, policy, () => 0.999999)).toBe(60_000)
    expect(retryDelay(1000, policy, () => 0)).toBe(30_000)
  })
})
