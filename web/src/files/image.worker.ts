/**
 * Image processing off the main thread: a picked photo becomes the JPEG that is stored, hashed
 * and later uploaded, plus a small preview.
 *
 * Algorithm:
 * 1. Decode with `createImageBitmap(blob, { imageOrientation: 'from-image' })`: EXIF rotation is
 *    applied, so a portrait phone photo stays upright once the EXIF data is gone. A browser that
 *    cannot decode the bytes (HEIC outside Safari, a damaged file) answers `undecodable`.
 * 2. Fit the long side within 2000 px (never upscale), draw on an OffscreenCanvas over white
 *    (a transparent PNG would otherwise turn black in JPEG) with high-quality smoothing.
 * 3. Encode as JPEG at quality 0.85, 0.75, 0.65, 0.55, 0.5 until the result is ≤ 600 KB. The
 *    quality never goes below 0.5 (letters start to smear); if it is still too big, shrink the
 *    dimensions by 20 % and try the qualities again, down to a 1280 px long side, whose result is
 *    kept whatever its size (resize.ts holds these numbers and the loop, tested without a canvas).
 * 4. Draw a preview with a long side of 320 px from the stored-size canvas, JPEG 0.7.
 *
 * Re-encoding every image (even a small JPEG) also drops its metadata: a photo's GPS position
 * and device details do not travel with a dossier.
 *
 * Protocol: the page posts `{ id, blob }`; the worker answers `{ id, ok: true, blob, width,
 * height, preview, quality, attempts }` or `{ id, ok: false, reason }`. One message at a time
 * is enough (the page processes files in turn), but ids keep answers matched regardless.
 */
import { encodeWithin, fitWithin, PREVIEW_LONG_SIDE, PREVIEW_QUALITY, type Size } from './resize.ts'

export interface ImageRequest {
  id: number
  blob: Blob
}
export type ImageReply =
  | { id: number; ok: true; blob: Blob; width: number; height: number; preview: Blob; quality: number; attempts: number }
  | { id: number; ok: false; reason: 'undecodable' | 'failed'; message: string }

function draw(source: CanvasImageSource, size: Size): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size.width, size.height)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context on OffscreenCanvas')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, size.width, size.height)
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(source, 0, 0, size.width, size.height)
  return canvas
}

async function processImage(blob: Blob): Promise<Omit<Extract<ImageReply, { ok: true }>, 'id'>> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  try {
    let canvas: OffscreenCanvas | undefined
    const encoded = await encodeWithin({ width: bitmap.width, height: bitmap.height }, (size, quality) => {
      // Redraw only when the dimensions change; quality steps reuse the same pixels.
      if (!canvas || canvas.width !== size.width || canvas.height !== size.height) canvas = draw(bitmap, size)
      return canvas.convertToBlob({ type: 'image/jpeg', quality })
    })
    const preview = await draw(canvas!, fitWithin(encoded, PREVIEW_LONG_SIDE)).convertToBlob({ type: 'image/jpeg', quality: PREVIEW_QUALITY })
    return { ok: true, blob: encoded.blob, width: encoded.width, height: encoded.height, preview, quality: encoded.quality, attempts: encoded.attempts }
  } finally {
    bitmap.close()
  }
}

self.onmessage = async (event: MessageEvent<ImageRequest>) => {
  const { id, blob } = event.data
  let reply: ImageReply
  try {
    reply = { id, ...(await processImage(blob)) }
  } catch (error) {
    // createImageBitmap rejects with InvalidStateError when the bytes cannot be decoded.
    const undecodable = error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'EncodingError')
    reply = { id, ok: false, reason: undecodable ? 'undecodable' : 'failed', message: String(error) }
  }
  self.postMessage(reply)
}
