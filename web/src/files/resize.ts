/**
 * The pure half of image processing (the worker draws and encodes; this decides sizes and when
 * to stop), so it can be tested without a canvas. See image.worker.ts for the whole algorithm.
 */

/** Long side of a stored image: an A4 page at 2000 px is about 240 dpi, small print stays legible. */
export const MAX_LONG_SIDE = 2000
/** Below this long side, text on a full page starts to blur: dimensions shrink no further. */
export const MIN_LONG_SIDE = 1280
/** Each step down in dimensions when the lowest quality is still too big. */
export const SHRINK_STEP = 0.8
/** Stored images aim at this size (bytes); 600 KB whichever way a kilobyte is counted. */
export const TARGET_BYTES = 600_000
/**
 * JPEG qualities tried in turn. 0.5 is the floor: below it, ringing around letters makes small
 * print hard to read, so a still-too-big image is made smaller instead.
 */
export const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.5] as const
export const PREVIEW_LONG_SIDE = 320
export const PREVIEW_QUALITY = 0.7

export interface Size {
  width: number
  height: number
}

/** Scales down (never up) so the long side is at most `maxLong`, keeping the aspect ratio. */
export function fitWithin(size: Size, maxLong: number): Size {
  const scale = Math.min(1, maxLong / Math.max(size.width, size.height))
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

export type Encode = (size: Size, quality: number) => Promise<Blob>

export interface Encoded extends Size {
  blob: Blob
  quality: number
  /** How many encodes it took (for the benchmark). */
  attempts: number
}

/**
 * Encodes at falling quality, then at smaller sizes, until the result is at most `TARGET_BYTES`.
 * When even the smallest size at the floor quality is bigger, that last result is kept: it is
 * still far below the 10 MB limit, and the stored-size limits are checked afterwards anyway.
 */
export async function encodeWithin(source: Size, encode: Encode, target = TARGET_BYTES): Promise<Encoded> {
  let size = fitWithin(source, MAX_LONG_SIDE)
  let attempts = 0
  for (;;) {
    let blob: Blob | undefined
    for (const quality of QUALITIES) {
      blob = await encode(size, quality)
      attempts++
      if (blob.size <= target) return { blob, quality, attempts, ...size }
    }
    const long = Math.max(size.width, size.height)
    if (long <= MIN_LONG_SIDE) return { blob: blob!, quality: QUALITIES.at(-1)!, attempts, ...size }
    size = fitWithin(size, Math.max(MIN_LONG_SIDE, Math.round(long * SHRINK_STEP)))
  }
}
