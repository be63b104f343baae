/**
 * The page's side of image processing: one module worker (image.worker.ts), started on first
 * use and kept for the next picks. Vite bundles the worker as its own file, which the service
 * worker precaches with the rest of the build, so photos are processed offline too.
 */
import type { ImageReply, ImageRequest } from './image.worker.ts'

export interface ProcessedImage {
  blob: Blob
  width: number
  height: number
  preview: Blob
}

/** Why an image could not be processed: `undecodable` bytes, or a `failed` worker. */
export class ImageError extends Error {
  constructor(readonly reason: 'undecodable' | 'failed', message: string) {
    super(message)
    this.name = 'ImageError'
  }
}

/** A cheap phone takes about a second; a stuck or crashed worker must not hold the form forever. */
const TIMEOUT_MS = 60_000

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, { resolve: (r: ImageReply) => void; reject: (e: Error) => void }>()

function failAll(message: string): void {
  worker?.terminate()
  worker = undefined
  for (const p of pending.values()) p.reject(new ImageError('failed', message))
  pending.clear()
}

function imageWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./image.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<ImageReply>) => {
    pending.get(event.data.id)?.resolve(event.data)
    pending.delete(event.data.id)
  }
  // The script failed to load or threw outside a message: start afresh on the next pick.
  worker.onerror = (event) => failAll(`image worker error: ${event.message}`)
  return worker
}

/** Downscales and re-encodes an image to the JPEG that will be stored, with its preview. */
export async function processImage(file: Blob): Promise<ProcessedImage> {
  const id = nextId++
  const reply = await new Promise<ImageReply>((resolve, reject) => {
    const timer = setTimeout(() => failAll('image processing timed out'), TIMEOUT_MS)
    const done = <T>(fn: (v: T) => void) => (v: T) => {
      clearTimeout(timer)
      fn(v)
    }
    pending.set(id, { resolve: done(resolve), reject: done(reject) })
    try {
      imageWorker().postMessage({ id, blob: file } satisfies ImageRequest)
    } catch (error) {
      pending.delete(id)
      done(reject)(new ImageError('failed', String(error)))
    }
  })
  if (!reply.ok) throw new ImageError(reply.reason, reply.message)
  return { blob: reply.blob, width: reply.width, height: reply.height, preview: reply.preview }
}
