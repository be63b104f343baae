/**
 * Attachments on the device: adding a picked file to a draft's component, removing one, and the
 * reads the views watch (plain Dexie queries, so they work inside `liveQuery`).
 *
 * Adding a file, in order, stopping at the first problem (nothing is written until the end):
 * 1. its type from its first bytes (sniff.ts), and whether the component takes it;
 * 2. limits that can be checked before any work (a PDF over 10 MB, an image too big to open);
 * 3. the bytes to store: an image is downscaled and re-encoded to JPEG in a worker; a PDF is
 *    read once and kept byte for byte;
 * 4. the 10 MB limit on those stored bytes, then their SHA-256 (hash.ts), computed over the very
 *    buffer that is stored, so the recorded hash is the stored file's by construction;
 * 5. one read-write transaction that checks the component's file count, duplicates and the
 *    50 MB dossier limit against what is stored now (two picks at once cannot both squeeze in)
 *    and puts the row. A full disk aborts that transaction alone: saved files are untouched.
 */
import { DOSSIER_LIMIT_BYTES, FILE_LIMIT_BYTES, type ComponentRule, type FileType } from '@portal/shared/forms/definition'
import type { FileRow, PortalDb } from '../db.ts'
import { log } from '../log.ts'
import { sha256Hex } from './hash.ts'
import { ImageError, processImage, type ProcessedImage } from './image.ts'
import { isQuotaError, type FileProblem } from './problems.ts'
import { sniff } from './sniff.ts'

/**
 * A picked image larger than this is refused before it is decoded: a 40 MB JPEG is around
 * 100 megapixels, 400 MB of memory once decoded, more than a cheap phone gives a worker.
 */
export const IMAGE_INPUT_LIMIT_BYTES = 40 * 1024 * 1024

export type AddResult = { ok: true; file: FileRow } | { ok: false; problem: FileProblem }

/** What the component allows; the defaults take anything a dossier takes, without a count limit. */
export type AddRule = Partial<Pick<ComponentRule, 'accept' | 'maxFiles'>>

export interface AddOptions {
  /** Image processing; the worker in the app, a stand-in in tests. */
  process?: (file: Blob) => Promise<ProcessedImage>
  now?: number
  id?: string
}

const isImage = (type: FileType) => type !== 'application/pdf'

/** Whether the component takes this type. Images are stored as JPEG, so any image type accepts any image. */
export function accepts(accept: readonly FileType[] | undefined, type: FileType): boolean {
  if (!accept) return true
  return isImage(type) ? accept.some(isImage) : accept.includes(type)
}

class Refused extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code)
  }
}

async function bytesToStore(file: File, type: FileType, process: AddOptions['process'] & {}) {
  const name = file.name
  if (!isImage(type)) {
    let buffer: ArrayBuffer
    try {
      buffer = await file.arrayBuffer()
    } catch (error) {
      log.warn('a picked file could not be read', error)
      throw new Refused({ code: 'unreadable', name })
    }
    return { blob: new Blob([buffer], { type }), buffer, type } as const
  }
  if (file.size > IMAGE_INPUT_LIMIT_BYTES) throw new Refused({ code: 'too-large', name, size: file.size, limit: IMAGE_INPUT_LIMIT_BYTES })
  let image: ProcessedImage
  try {
    image = await process(file)
  } catch (error) {
    const undecodable = error instanceof ImageError && error.reason === 'undecodable'
    if (!undecodable) log.warn('image processing failed', error)
    throw new Refused({ code: undecodable ? (type === 'image/heic' ? 'undecodable-heic' : 'unreadable') : 'cannot-process', name })
  }
  const buffer = await image.blob.arrayBuffer()
  return { ...image, blob: new Blob([buffer], { type: 'image/jpeg' }), buffer, type: 'image/jpeg' } as const
}

/** Adds a picked file to a draft's component, or says why not; never throws, never touches saved files. */
export async function addFile(db: PortalDb, draftId: string, componentId: string, file: File, rule: AddRule = {}, options: AddOptions = {}): Promise<AddResult> {
  const name = file.name
  try {
    let type: FileType | null
    try {
      type = await sniff(file)
    } catch (error) {
      log.warn('a picked file could not be read', error)
      return { ok: false, problem: { code: 'unreadable', name } }
    }
    if (!type || !accepts(rule.accept, type)) return { ok: false, problem: { code: 'unsupported-type', name } }
    // A PDF's stored size is known now: refuse it before reading up to 10 MB.
    if (!isImage(type)) {
      if (file.size > FILE_LIMIT_BYTES) return { ok: false, problem: { code: 'too-large', name, size: file.size, limit: FILE_LIMIT_BYTES } }
      await checkRoom(db, draftId, name, file.size)
    }

    const stored = await bytesToStore(file, type, options.process ?? processImage)
    const size = stored.blob.size
    if (size > FILE_LIMIT_BYTES) return { ok: false, problem: { code: 'too-large', name, size, limit: FILE_LIMIT_BYTES } }
    const sha256 = await sha256Hex(stored.buffer)
    const row: FileRow = {
      id: options.id ?? crypto.randomUUID(),
      draftId,
      componentId,
      name,
      type: stored.type,
      size,
      sha256,
      blob: stored.blob,
      createdAt: options.now ?? Date.now(),
    }
    if ('preview' in stored) Object.assign(row, { preview: stored.preview, width: stored.width, height: stored.height })

    await db.transaction('rw', db.files, async () => {
      const siblings = await db.files.where('[draftId+componentId]').equals([draftId, componentId]).toArray()
      if (rule.maxFiles !== undefined && siblings.length >= rule.maxFiles) throw new Refused({ code: 'too-many', name, max: rule.maxFiles })
      if (siblings.some((f) => f.sha256 === sha256)) throw new Refused({ code: 'duplicate', name })
      await checkRoom(db, draftId, name, size)
      await db.files.add(row)
    })
    return { ok: true, file: row }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem }
    log.warn('an attachment could not be saved', error)
    const full = isQuotaError(error) || (await nearlyFull(file.size))
    return { ok: false, problem: { code: full ? 'device-full' : 'save-failed', name } }
  }
}

/**
 * Whether the browser says there is hardly room left. Safari near its quota fails IndexedDB
 * writes with an UnknownError rather than QuotaExceededError (domain.md §8), and "the device is
 * full" is then the true and useful message.
 */
async function nearlyFull(needed: number): Promise<boolean> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.()
    return estimate?.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < Math.max(needed, 1024 * 1024) * 2
  } catch {
    return false
  }
}

async function checkRoom(db: PortalDb, draftId: string, name: string, size: number): Promise<void> {
  const used = await draftFilesSize(db, draftId)
  if (used + size > DOSSIER_LIMIT_BYTES) {
    throw new Refused({ code: 'dossier-full', name, size, limit: DOSSIER_LIMIT_BYTES, left: Math.max(0, DOSSIER_LIMIT_BYTES - used) })
  }
}

/** Removes one stored file (the only way a saved attachment leaves the device before submission). */
export async function removeFile(db: PortalDb, id: string): Promise<void> {
  await db.files.delete(id)
}

/** A draft's files, or one component's, oldest first (the order they were added). */
export async function filesOf(db: PortalDb, draftId: string, componentId?: string): Promise<FileRow[]> {
  const query = componentId === undefined ? db.files.where('draftId').equals(draftId) : db.files.where('[draftId+componentId]').equals([draftId, componentId])
  return (await query.toArray()).sort((a, b) => a.createdAt - b.createdAt)
}

/** Bytes stored for a draft's files (what counts against the 50 MB dossier limit). */
export async function draftFilesSize(db: PortalDb, draftId: string): Promise<number> {
  let total = 0
  await db.files.where('draftId').equals(draftId).each((f) => (total += f.size))
  return total
}
