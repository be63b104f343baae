/**
 * A picked file's type, from its first bytes: names and the browser's `file.type` come from the
 * name (a renamed .exe says "image/jpeg"), so neither is trusted. Only the four types a dossier
 * takes are recognised; anything else is refused before it is read further.
 *
 * HEIC/HEIF is an ISO-BMFF file: a box `size | 'ftyp' | major brand | minor version | compatible
 * brands…`. Phones write major brand `heic` (iPhone) or `mif1` with `heic` among the compatible
 * brands (some Android). AVIF uses the same container (`avif`, often with `mif1` compatible), so
 * a `mif1`/`msf1` file that names an AVIF brand is not taken for HEIC.
 */
import type { FileType } from '@portal/shared/forms/definition'

/** Enough for the signatures and the first few compatible brands of an `ftyp` box. */
export const SNIFF_BYTES = 64

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'])
const GENERIC_BRANDS = new Set(['mif1', 'msf1'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b)
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length))
}

const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-

function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return false
  const major = ascii(bytes, 8, 4)
  if (!HEIC_BRANDS.has(major)) return false
  if (!GENERIC_BRANDS.has(major)) return true
  // Compatible brands follow the minor version (bytes 12–15), up to the box's size.
  const boxEnd = Math.min(bytes.length, (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!)
  for (let at = 16; at + 4 <= boxEnd; at += 4) if (AVIF_BRANDS.has(ascii(bytes, at, 4))) return false
  return true
}

/** The type the bytes show, or null for anything a dossier does not take. */
export function sniffBytes(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg'
  if (startsWith(bytes, PNG)) return 'image/png'
  if (startsWith(bytes, PDF)) return 'application/pdf'
  if (isHeic(bytes)) return 'image/heic'
  return null
}

/** Reads the first bytes of a file (or any Blob) and names its type. */
export async function sniff(blob: Blob): Promise<FileType | null> {
  return sniffBytes(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()))
}
