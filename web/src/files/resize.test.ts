import { describe, expect, it } from 'vitest'
import { encodeWithin, fitWithin, MAX_LONG_SIDE, MIN_LONG_SIDE, QUALITIES, TARGET_BYTES, type Size } from './resize.ts'

describe('fitting an image within a long side', () => {
  it('scales a 12 MP photo (4000 × 3000) to 2000 × 1500, and a portrait one alike', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, MAX_LONG_SIDE)).toEqual({ width: 2000, height: 1500 })
    expect(fitWithin({ width: 3024, height: 4032 }, MAX_LONG_SIDE)).toEqual({ width: 1500, height: 2000 })
  })

  it('never scales up, and never to zero', () => {
    expect(fitWithin({ width: 800, height: 600 }, MAX_LONG_SIDE)).toEqual({ width: 800, height: 600 })
    expect(fitWithin({ width: 10_000, height: 1 }, MAX_LONG_SIDE)).toEqual({ width: 2000, height: 1 })
  })
})

/** A fake encoder whose output size follows pixels × quality, recording each call. */
function fakeEncoder(bytesPerPixelAtFull: number) {
  const calls: { size: Size; quality: number }[] = []
  const encode = async (size: Size, quality: number) => {
    calls.push({ size, quality })
    return new Blob([new Uint8Array(Math.round(size.width * size.height * bytesPerPixelAtFull * quality))])
  }
  return { calls, encode }
}

describe('encoding within the target size', () => {
  it('keeps the first quality when it is small enough', async () => {
    const { calls, encode } = fakeEncoder(0.1)
    const out = await encodeWithin({ width: 4000, height: 3000 }, encode)
    expect(out).toMatchObject({ width: 2000, height: 1500, quality: 0.85, attempts: 1 })
    expect(calls).toHaveLength(1)
  })

  it('steps the quality down, not below the floor, before touching the dimensions', async () => {
    const { calls, encode } = fakeEncoder(0.3) // 2000×1500: 765 KB at 0.85, 585 KB at 0.65
    const out = await encodeWithin({ width: 4000, height: 3000 }, encode)
    expect(out.quality).toBe(0.65)
    expect(out.blob.size).toBeLessThanOrEqual(TARGET_BYTES)
    expect(calls.map((c) => c.quality)).toEqual([0.85, 0.75, 0.65])
    expect(calls.every((c) => c.size.width === 2000)).toBe(true)
  })

  it('reduces the dimensions when the floor quality is still too big', async () => {
    const { calls, encode } = fakeEncoder(0.6)
    const out = await encodeWithin({ width: 4000, height: 3000 }, encode)
    expect(out.blob.size).toBeLessThanOrEqual(TARGET_BYTES)
    expect(out.width).toBeLessThan(2000)
    expect(Math.min(...calls.map((c) => c.quality))).toBe(QUALITIES.at(-1))
  })

  it('stops at the smallest legible size and keeps that result even if above the target', async () => {
    const { calls, encode } = fakeEncoder(5)
    const out = await encodeWithin({ width: 4000, height: 3000 }, encode)
    expect(Math.max(out.width, out.height)).toBe(MIN_LONG_SIDE)
    expect(out.blob.size).toBeGreaterThan(TARGET_BYTES)
    expect(calls.length).toBe(out.attempts)
  })
})
