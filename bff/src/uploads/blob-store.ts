/**
 * Content-addressed storage of file bytes, keyed by their SHA-256 (lowercase hex). Equal bytes
 * are stored once; who may use them is decided by grants (table.ts), never by the store.
 *
 * `BlobStore` is the seam for an S3-compatible store (design.md "Scale"): intake and uploads
 * reach blobs only through it. `DiskBlobStore` keeps them under `<root>/<aa>/<sha256>` where
 * `aa` is the first two hex digits, and makes each one durable before it is acknowledged:
 * the bytes are fsynced, renamed into place (atomic on one filesystem), then the folder is
 * fsynced so the rename itself survives a power cut (design decision 12).
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const SHA256_HEX = /^[0-9a-f]{64}$/

/** What to store: a file to move in (same filesystem: renamed, not copied), or a stream. */
export type BlobSource = { path: string } | { stream: Readable }

export interface BlobStore {
  /**
   * Stores the bytes under `sha256`. The caller vouches for the hash (uploads recompute it);
   * a `path` source is consumed (moved or deleted). Storing bytes already present is a no-op.
   */
  put(sha256: string, source: BlobSource): Promise<void>
  has(sha256: string): Promise<boolean>
  /** The bytes, or undefined when absent. */
  get(sha256: string): Promise<Readable | undefined>
  delete(sha256: string): Promise<void>
}

export class DiskBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
    return join(this.root, sha256.slice(0, 2), sha256)
  }

  async put(sha256: string, source: BlobSource): Promise<void> {
    const target = this.pathOf(sha256)
    if (await this.has(sha256)) {
      if ('path' in source) await rm(source.path, { force: true })
      else source.stream.resume()
      return
    }
    await mkdir(dirname(target), { recursive: true })
    let from: string
    if ('path' in source) {
      from = source.path
    } else {
      await mkdir(join(this.root, '.tmp'), { recursive: true })
      from = join(this.root, '.tmp', `${sha256}.${randomBytes(6).toString('hex')}`)
      await pipeline(source.stream, createWriteStream(from, { flags: 'wx' }))
    }
    await fsyncFile(from)
    await rename(from, target)
    await fsyncFile(dirname(target))
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined
    return createReadStream(this.pathOf(sha256))
  }

  async delete(sha256: string): Promise<void> {
    try {
      await unlink(this.pathOf(sha256))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
}

/** fsync of a file or a folder (a folder: so that a rename into it is durable). */
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** SHA-256 (hex) and the first bytes of a file, in one pass. */
export async function digestFile(path: string, headBytes = 64): Promise<{ sha256: string; head: Buffer; size: number }> {
  const hash = createHash('sha256')
  const head: Buffer[] = []
  let kept = 0
  let size = 0
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer
    hash.update(buffer)
    size += buffer.length
    if (kept < headBytes) {
      head.push(buffer.subarray(0, headBytes - kept))
      kept += Math.min(buffer.length, headBytes - kept)
    }
  }
  return { sha256: hash.digest('hex'), head: Buffer.concat(head), size }
}
