// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOSSIER_LIMIT_BYTES, FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { openPortalDb, type PortalDb } from '../db.ts'
import { bytes, ftyp } from './fixtures.ts'
import { ImageError, type ProcessedImage } from './image.ts'
import { addFile, draftFilesSize, filesOf, IMAGE_INPUT_LIMIT_BYTES, removeFile } from './store.ts'

let db: PortalDb
let name: string

beforeEach(async () => {
  name = `files-${Math.random()}`
  db = await openPortalDb(name)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
  vi.restoreAllMocks()
})

/** A file of `size` bytes opening with `head`. */
function file(fileName: string, head: Uint8Array, size = head.length + 100): File {
  const body = new Uint8Array(size)
  body.set(head)
  for (let i = head.length; i < size; i++) body[i] = (i * 31) & 0xff
  return new File([body], fileName)
}

/** SHA-256 hex straight from WebCrypto, apart from the code under test. */
const sha256 = async (blob: Blob) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('')

/** Stands in for the worker: a "JPEG" of `size` bytes and a preview. */
function fakeProcess(size = 400_000) {
  return vi.fn(async (_file: Blob): Promise<ProcessedImage> => {
    const out = new Uint8Array(size)
    out.set(bytes.jpegJfif)
    out[size - 1] = Math.floor(Math.random() * 256) // each pick's output differs a little, as re-encodes do
    return { blob: new Blob([out], { type: 'image/jpeg' }), width: 2000, height: 1500, preview: new Blob([bytes.jpegJfif], { type: 'image/jpeg' }) }
  })
}

describe('adding a photo', () => {
  it('stores the processed JPEG with the SHA-256 of the stored bytes, its size and preview', async () => {
    const process = fakeProcess()
    const result = await addFile(db, 'd1', 'c1', file('IMG_0001.HEIC', bytes.heicApple, 3_000_000), {}, { process })
    expect(result.ok).toBe(true)
    const [row] = await filesOf(db, 'd1', 'c1')
    expect(row).toMatchObject({ draftId: 'd1', componentId: 'c1', name: 'IMG_0001.HEIC', type: 'image/jpeg', size: 400_000, width: 2000, height: 1500 })
    expect(row!.sha256).toBe(await sha256(row!.blob))
    expect(row!.preview?.size).toBeGreaterThan(0)
  })

  it('says when a HEIC cannot be decoded here, and a damaged JPEG is unreadable', async () => {
    const process = vi.fn(async () => Promise.reject(new ImageError('undecodable', 'InvalidStateError')))
    const heic = await addFile(db, 'd1', 'c1', file('a.heic', bytes.heifGeneric), {}, { process })
    expect(heic).toMatchObject({ ok: false, problem: { code: 'undecodable-heic', name: 'a.heic' } })
    const jpeg = await addFile(db, 'd1', 'c1', file('b.jpg', bytes.jpegExif), {}, { process })
    expect(jpeg).toMatchObject({ ok: false, problem: { code: 'unreadable' } })
    const failed = await addFile(db, 'd1', 'c1', file('c.jpg', bytes.jpegExif), {}, { process: () => Promise.reject(new ImageError('failed', 'no OffscreenCanvas')) })
    expect(failed).toMatchObject({ ok: false, problem: { code: 'cannot-process' } })
    expect(await db.files.count()).toBe(0)
  })

  it('refuses an image too big to open before decoding it', async () => {
    const process = fakeProcess()
    const result = await addFile(db, 'd1', 'c1', file('huge.jpg', bytes.jpegJfif, IMAGE_INPUT_LIMIT_BYTES + 1), {}, { process })
    expect(result).toMatchObject({ ok: false, problem: { code: 'too-large', limit: IMAGE_INPUT_LIMIT_BYTES } })
    expect(process).not.toHaveBeenCalled()
  })
})

describe('adding a PDF', () => {
  it('keeps it byte for byte', async () => {
    const pdf = file('to-khai.pdf', bytes.pdf, 250_000)
    const result = await addFile(db, 'd1', 'c1', pdf, {}, { process: fakeProcess() })
    expect(result.ok).toBe(true)
    const [row] = await filesOf(db, 'd1')
    expect(row).toMatchObject({ type: 'application/pdf', size: 250_000 })
    expect(row!.preview).toBeUndefined()
    expect(row!.sha256).toBe(await sha256(pdf))
    expect(await sha256(row!.blob)).toBe(await sha256(pdf))
  })

  it('refuses one over 10 MB without reading it, leaving saved files as they were', async () => {
    await addFile(db, 'd1', 'c1', file('first.pdf', bytes.pdf, 1000))
    const big = file('scan-30mb.pdf', bytes.pdf, 30 * 1024 * 1024)
    const read = vi.spyOn(big, 'arrayBuffer')
    const result = await addFile(db, 'd1', 'c1', big)
    expect(result).toMatchObject({ ok: false, problem: { code: 'too-large', name: 'scan-30mb.pdf', size: big.size, limit: FILE_LIMIT_BYTES } })
    expect(read).not.toHaveBeenCalled()
    expect((await filesOf(db, 'd1')).map((f) => f.name)).toEqual(['first.pdf'])
  })

  it('accepts exactly 10 MB', async () => {
    expect((await addFile(db, 'd1', 'c1', file('max.pdf', bytes.pdf, FILE_LIMIT_BYTES))).ok).toBe(true)
  })
})

describe('refusals', () => {
  it('refuses an .exe renamed to .jpg, whatever its declared type', async () => {
    const exe = new File([bytes.exe, new Uint8Array(5000)], 'cccd.jpg', { type: 'image/jpeg' })
    const process = fakeProcess()
    expect(await addFile(db, 'd1', 'c1', exe, {}, { process })).toMatchObject({ ok: false, problem: { code: 'unsupported-type', name: 'cccd.jpg' } })
    expect(process).not.toHaveBeenCalled()
    expect(await addFile(db, 'd1', 'c1', file('clip.heic', ftyp('isom')))).toMatchObject({ ok: false, problem: { code: 'unsupported-type' } })
  })

  it('refuses a type the component does not take (a photo where only PDF is asked)', async () => {
    const rule = { accept: ['application/pdf'] as const }
    expect(await addFile(db, 'd1', 'c1', file('a.jpg', bytes.jpegJfif), rule, { process: fakeProcess() })).toMatchObject({ ok: false, problem: { code: 'unsupported-type' } })
    // Any image type accepts any image: they are all stored as JPEG.
    const images = { accept: ['image/jpeg'] as const }
    expect((await addFile(db, 'd1', 'c1', file('a.png', bytes.png), images, { process: fakeProcess() })).ok).toBe(true)
    expect(await addFile(db, 'd1', 'c1', file('a.pdf', bytes.pdf), images)).toMatchObject({ ok: false, problem: { code: 'unsupported-type' } })
  })

  it('keeps to the component maximum, even for picks made at the same time', async () => {
    const rule = { maxFiles: 2 }
    const picks = ['1', '2', '3', '4'].map((n) => addFile(db, 'd1', 'c1', file(`${n}.jpg`, bytes.jpegJfif), rule, { process: fakeProcess() }))
    const results = await Promise.all(picks)
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.problem)).toEqual([
      expect.objectContaining({ code: 'too-many', max: 2 }),
      expect.objectContaining({ code: 'too-many', max: 2 }),
    ])
    // Another component of the same draft is counted apart.
    expect((await addFile(db, 'd1', 'c2', file('5.jpg', bytes.jpegJfif), rule, { process: fakeProcess() })).ok).toBe(true)
  })

  it('refuses the same bytes twice in one component', async () => {
    const pdf = file('a.pdf', bytes.pdf, 2000)
    expect((await addFile(db, 'd1', 'c1', pdf)).ok).toBe(true)
    expect(await addFile(db, 'd1', 'c1', new File([pdf], 'copy.pdf'))).toMatchObject({ ok: false, problem: { code: 'duplicate', name: 'copy.pdf' } })
    expect((await addFile(db, 'd1', 'c2', new File([pdf], 'copy.pdf'))).ok).toBe(true)
  })

  it('keeps a dossier within 50 MB and says how much room is left', async () => {
    const MB = 1024 * 1024
    for (let i = 0; i < 4; i++) expect((await addFile(db, 'd1', `c${i}`, file(`${i}.pdf`, bytes.pdf, FILE_LIMIT_BYTES))).ok).toBe(true)
    expect((await addFile(db, 'd1', 'c4', file('8mb.pdf', bytes.pdf, 8 * MB))).ok).toBe(true)
    const used = 48 * MB
    expect(await draftFilesSize(db, 'd1')).toBe(used)
    const result = await addFile(db, 'd1', 'c9', file('last.pdf', bytes.pdf, FILE_LIMIT_BYTES))
    expect(result).toMatchObject({ ok: false, problem: { code: 'dossier-full', left: DOSSIER_LIMIT_BYTES - used } })
    // What still fits is accepted, up to exactly 50 MB; other drafts are counted apart.
    expect((await addFile(db, 'd1', 'c9', file('2mb.pdf', bytes.pdf, 2 * MB))).ok).toBe(true)
    expect(await addFile(db, 'd1', 'c9', file('tiny.pdf', bytes.pdf, bytes.pdf.length))).toMatchObject({ ok: false, problem: { code: 'dossier-full', left: 0 } })
    expect((await addFile(db, 'd2', 'c1', file('other.pdf', bytes.pdf, FILE_LIMIT_BYTES))).ok).toBe(true)
    expect(await db.files.count()).toBe(7)
  })

  it('says the device is full on QuotaExceededError and keeps what was saved', async () => {
    expect((await addFile(db, 'd1', 'c1', file('kept.pdf', bytes.pdf, 1000))).ok).toBe(true)
    vi.spyOn(db.files, 'add').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    expect(await addFile(db, 'd1', 'c1', file('new.pdf', bytes.pdf, 2000))).toMatchObject({ ok: false, problem: { code: 'device-full', name: 'new.pdf' } })
    expect((await filesOf(db, 'd1')).map((f) => f.name)).toEqual(['kept.pdf'])
  })

  it('says the device is full on another storage error when the browser reports hardly any room (Safari)', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 999_500_000, quota: 1_000_000_000 }) } })
    vi.spyOn(db.files, 'add').mockRejectedValueOnce(new DOMException('Unknown error', 'UnknownError'))
    expect(await addFile(db, 'd1', 'c1', file('x.pdf', bytes.pdf))).toMatchObject({ ok: false, problem: { code: 'device-full' } })
    vi.unstubAllGlobals()
  })

  it('reports any other storage failure as save-failed, without throwing', async () => {
    vi.spyOn(db.files, 'add').mockRejectedValueOnce(new Error('database closed'))
    expect(await addFile(db, 'd1', 'c1', file('x.pdf', bytes.pdf))).toMatchObject({ ok: false, problem: { code: 'save-failed' } })
  })

  it('reports a file that cannot be read (moved or revoked since it was picked)', async () => {
    const gone = file('gone.pdf', bytes.pdf)
    vi.spyOn(gone, 'slice').mockImplementation(() => {
      throw new DOMException('A requested file could not be read', 'NotReadableError')
    })
    expect(await addFile(db, 'd1', 'c1', gone)).toMatchObject({ ok: false, problem: { code: 'unreadable' } })
  })
})

describe('listing and removing', () => {
  it('lists a component in the order added, a draft across components, and removes one file', async () => {
    await addFile(db, 'd1', 'c1', file('a.pdf', bytes.pdf), {}, { now: 3 })
    await addFile(db, 'd1', 'c2', file('b.pdf', bytes.pdf, 300), {}, { now: 1 })
    await addFile(db, 'd1', 'c1', file('c.pdf', bytes.pdf, 400), {}, { now: 2 })
    expect((await filesOf(db, 'd1', 'c1')).map((f) => f.name)).toEqual(['c.pdf', 'a.pdf'])
    expect((await filesOf(db, 'd1')).map((f) => f.name)).toEqual(['b.pdf', 'c.pdf', 'a.pdf'])
    const [c] = await filesOf(db, 'd1', 'c1')
    await removeFile(db, c!.id)
    expect((await filesOf(db, 'd1')).map((f) => f.name)).toEqual(['b.pdf', 'a.pdf'])
    expect(await draftFilesSize(db, 'd1')).toBe(300 + bytes.pdf.length + 100)
  })
})
