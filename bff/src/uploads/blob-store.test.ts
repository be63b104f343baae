import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { sha256 } from '../dossiers/testing.ts'
import { tempDir } from '../testing/app.ts'
import { DiskBlobStore } from './blob-store.ts'
import { sniffType } from './sniff.ts'

let tmp: ReturnType<typeof tempDir>
let store: DiskBlobStore
beforeEach(() => {
  tmp = tempDir()
  store = new DiskBlobStore(join(tmp.dir, 'blobs'))
})
afterEach(() => tmp.cleanup())

it('puts (moving a file, or from a stream), has, gets and deletes by SHA-256, storing equal bytes once', async () => {
  const bytes = Buffer.from('giấy tờ')
  const hash = sha256(bytes)
  expect(await store.has(hash)).toBe(false)
  expect(await store.get(hash)).toBeUndefined()
  const source = join(tmp.dir, 'partial')
  writeFileSync(source, bytes)
  await store.put(hash, { path: source })
  expect(existsSync(source)).toBe(false) // moved
  expect(readdirSync(join(tmp.dir, 'blobs', hash.slice(0, 2)))).toEqual([hash])
  expect(await text((await store.get(hash))!)).toBe('giấy tờ')

  const again = join(tmp.dir, 'again')
  writeFileSync(again, bytes)
  await store.put(hash, { path: again })
  expect(existsSync(again)).toBe(false) // consumed, not stored twice
  await store.put(hash, { stream: Readable.from([bytes]) })
  expect(readdirSync(join(tmp.dir, 'blobs', hash.slice(0, 2)))).toEqual([hash])

  const other = Buffer.from('other')
  await store.put(sha256(other), { stream: Readable.from([other]) })
  expect(await store.has(sha256(other))).toBe(true)
  await store.delete(hash)
  await store.delete(hash)
  expect(await store.has(hash)).toBe(false)
  expect(() => store.pathOf('../../etc/passwd')).toThrow()
})

it('tells file types by their first bytes', () => {
  expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg')
  expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
  expect(sniffType(Buffer.from('%PDF-1.4'))).toBe('application/pdf')
  const ftyp = (major: string, ...compatible: string[]) => {
    const box = Buffer.alloc(16 + 4 * compatible.length)
    box.writeUInt32BE(box.length, 0)
    box.write(`ftyp${major}`, 4, 'latin1')
    compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'))
    return box
  }
  expect(sniffType(ftyp('heic', 'mif1'))).toBe('image/heic')
  expect(sniffType(ftyp('mif1', 'miaf', 'heic'))).toBe('image/heic')
  expect(sniffType(ftyp('mif1', 'avif'))).toBeUndefined() // AVIF is not HEIC
  expect(sniffType(ftyp('isom', 'mp42'))).toBeUndefined() // a video
  expect(sniffType(Buffer.from('GIF89a'))).toBeUndefined()
  expect(sniffType(Buffer.alloc(0))).toBeUndefined()
})
