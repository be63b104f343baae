import { describe, expect, it } from 'vitest'
import { sha256Hex } from './hash.ts'

describe('SHA-256 of a stored file', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('hashes the bytes of a larger binary file as Node\'s crypto does (digest computed there)', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7919) & 0xff)
    const node = '3d254334e19a907135fb5c5e70a2317ac1e2a44997d6a5c0d528784dad2e51a4'
    expect(await sha256Hex(new Blob([data]))).toBe(node)
    expect(await sha256Hex(data.buffer)).toBe(node)
  })
})
