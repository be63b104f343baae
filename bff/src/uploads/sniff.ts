/**
 * What a file's first bytes say it is, to compare with the type declared at upload: JPEG
 * (FF D8 FF), PNG (its 8-byte signature), PDF (`%PDF-`), HEIC (an ISO-BMFF `ftyp` box whose
 * major brand, or a compatible brand next to `mif1`/`msf1`, is a HEIF/HEVC one).
 */
import type { FileType } from '@portal/shared/forms/definition'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs'])
const GENERIC_HEIF = new Set(['mif1', 'msf1'])

export function sniffType(head: Buffer): FileType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG)) return 'image/png'
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (isHeic(head)) return 'image/heic'
  return undefined
}

function isHeic(head: Buffer): boolean {
  if (head.length < 12 || head.subarray(4, 8).toString('latin1') !== 'ftyp') return false
  const major = head.subarray(8, 12).toString('latin1')
  if (HEIC_BRANDS.has(major)) return true
  if (!GENERIC_HEIF.has(major)) return false
  // ftyp box: size(4) 'ftyp'(4) major(4) minor version(4) compatible brands(4 each)
  const boxEnd = Math.min(head.readUInt32BE(0), head.length)
  for (let at = 16; at + 4 <= boxEnd; at += 4) {
    if (HEIC_BRANDS.has(head.subarray(at, at + 4).toString('latin1'))) return true
  }
  return false
}
