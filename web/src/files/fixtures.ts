/** Byte fixtures for tests: the first bytes of real files of each kind, and impostors. */

const text = (s: string) => [...s].map((c) => c.charCodeAt(0))
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]

/** An ISO-BMFF `ftyp` box: size, 'ftyp', major brand, minor version 0, compatible brands. */
export function ftyp(major: string, compatible: readonly string[] = []): Uint8Array {
  const size = 16 + 4 * compatible.length
  return new Uint8Array([...u32(size), ...text('ftyp'), ...text(major), ...u32(0), ...compatible.flatMap(text)])
}

export const bytes = {
  // JFIF and EXIF JPEGs both open with SOI + a marker.
  jpegJfif: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text('JFIF'), 0]),
  jpegExif: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, ...text('Exif'), 0, 0]),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...text('IHDR')]),
  pdf: new Uint8Array(text('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')),
  /** iPhone: major `heic`, compatible `mif1 heic`. */
  heicApple: ftyp('heic', ['mif1', 'heic']),
  /** Some Android phones: major `mif1`, compatible `heic`. */
  heifGeneric: ftyp('mif1', ['mif1', 'heic']),
  avif: ftyp('avif', ['avif', 'mif1', 'miaf']),
  avifAsMif1: ftyp('mif1', ['avif', 'miaf']),
  mp4: ftyp('isom', ['isom', 'mp41']),
  /** A Windows executable (MZ header), as if renamed to .jpg. */
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]),
  gif: new Uint8Array(text('GIF89a')),
  zip: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
  truncatedJpeg: new Uint8Array([0xff, 0xd8]),
  empty: new Uint8Array(),
}
