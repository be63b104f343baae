import { describe, expect, it } from 'vitest'
import { bytes, ftyp } from './fixtures.ts'
import { sniff, sniffBytes } from './sniff.ts'

describe('sniffing a file by its first bytes', () => {
  it.each([
    ['JPEG (JFIF)', bytes.jpegJfif, 'image/jpeg'],
    ['JPEG (EXIF)', bytes.jpegExif, 'image/jpeg'],
    ['PNG', bytes.png, 'image/png'],
    ['PDF', bytes.pdf, 'application/pdf'],
    ['HEIC from an iPhone', bytes.heicApple, 'image/heic'],
    ['HEIF with a generic major brand', bytes.heifGeneric, 'image/heic'],
    ['HEIC sequence (hevc)', ftyp('hevc', ['mif1', 'msf1']), 'image/heic'],
    ['HEIC (heix)', ftyp('heix'), 'image/heic'],
    ['HEIF sequence (msf1)', ftyp('msf1', ['hevc']), 'image/heic'],
  ] as const)('recognises %s', (_name, fixture, type) => {
    expect(sniffBytes(fixture)).toBe(type)
  })

  it.each([
    ['an .exe renamed to .jpg', bytes.exe],
    ['AVIF', bytes.avif],
    ['AVIF behind a mif1 major brand', bytes.avifAsMif1],
    ['an MP4 video', bytes.mp4],
    ['GIF', bytes.gif],
    ['a ZIP (or .docx)', bytes.zip],
    ['a cut-off JPEG signature', bytes.truncatedJpeg],
    ['an empty file', bytes.empty],
    ['"%PDF" without the dash', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x20])],
  ] as const)('refuses %s', (_name, fixture) => {
    expect(sniffBytes(fixture)).toBeNull()
  })

  it('reads the bytes, not the name or the declared type', async () => {
    const renamed = new File([bytes.exe, new Uint8Array(1000)], 'anh-cccd.jpg', { type: 'image/jpeg' })
    expect(await sniff(renamed)).toBeNull()
    const pdfNamedJpg = new File([bytes.pdf], 'scan.jpg', { type: 'image/jpeg' })
    expect(await sniff(pdfNamedJpg)).toBe('application/pdf')
  })
})
