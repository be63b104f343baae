import { describe, expect, it } from 'vitest'
import { formatBytes } from './size.ts'

describe('file sizes', () => {
  it('reads the limits as they are set, in Vietnamese and English', () => {
    expect(formatBytes(10 * 1024 * 1024, 'vi')).toBe('10\u00a0MB')
    expect(formatBytes(50 * 1024 * 1024, 'en')).toBe('50\u00a0MB')
  })

  it('uses the decimal comma in Vietnamese and rounds to one decimal', () => {
    expect(formatBytes(1.25 * 1024 ** 3, 'vi')).toBe('1,3\u00a0GB')
    expect(formatBytes(12.34 * 1024 ** 2, 'en')).toBe('12.3\u00a0MB')
  })

  it('shows small files in whole kilobytes, never "0 kB" for a non-empty file', () => {
    expect(formatBytes(553 * 1024, 'vi')).toMatch(/^553\u00a0kB$/)
    expect(formatBytes(10, 'en')).toMatch(/^1\u00a0kB$/)
    expect(formatBytes(0, 'en')).toMatch(/^0\u00a0kB$/)
  })
})
