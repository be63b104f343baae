import { describe, expect, it } from 'vitest'
import { chooseEncoding, ifNoneMatchHits } from './negotiate.ts'

describe('content-coding negotiation', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0, *;q=0.1', 'br'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['GZIP', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('If-None-Match', () => {
  it('matches by weak comparison, in lists, and *', () => {
    expect(ifNoneMatchHits('"a-br"', '"a-br"')).toBe(true)
    expect(ifNoneMatchHits('W/"a-br"', '"a-br"')).toBe(true)
    expect(ifNoneMatchHits('"x", W/"a-br" , "y"', '"a-br"')).toBe(true)
    expect(ifNoneMatchHits('"a-br"', 'W/"a-br"')).toBe(true)
    expect(ifNoneMatchHits('*', '"a"')).toBe(true)
    expect(ifNoneMatchHits('"a-gzip"', '"a-br"')).toBe(false)
    expect(ifNoneMatchHits(undefined, '"a"')).toBe(false)
    expect(ifNoneMatchHits('a-br', '"a-br"')).toBe(false)
  })
})
