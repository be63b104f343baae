/**
 * Precompressed JSON bodies: a body that changes only with the catalogue version is compressed
 * once (gzip and brotli, off the event loop in zlib's thread pool) and served from memory, each
 * coding with its own strong ETag (`"<tag>-br"`), since the bytes differ (design decision 9).
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context } from 'hono'
import { chooseEncoding, ifNoneMatchHits, type Encoding } from './negotiate.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Above this size brotli's best quality costs seconds (synthetic benchmark catalogues). */
const MAX_QUALITY_LIMIT = 2 * 1024 * 1024

export interface PrecompressedBody {
  tag: string
  bodies: Record<Encoding, Buffer>
}

/** @example await precompress('0a1b2c3d.4', JSON.stringify(catalog)) */
export async function precompress(tag: string, text: string): Promise<PrecompressedBody> {
  const identity = Buffer.from(text, 'utf8')
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: identity.length <= MAX_QUALITY_LIMIT ? 11 : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzipAsync(identity, { level: 9 }),
  ])
  return { tag, bodies: { identity, br, gzip: gz } }
}

/**
 * A few precompressed bodies, all of one catalogue version, tagged `<version>-<key>`: asking for another version drops
 * them (they can never be served again), and at most `limit` are kept (changes?since= bodies).
 * Holds promises, so concurrent first requests compress once.
 */
export class BodyCache {
  #version = ''
  #entries = new Map<string, Promise<PrecompressedBody>>()

  constructor(private readonly limit = 32) {}

  get(version: string, key: string, produce: () => string): Promise<PrecompressedBody> {
    if (version !== this.#version) {
      this.#version = version
      this.#entries.clear()
    }
    let entry = this.#entries.get(key)
    if (entry) {
      // Refresh recency: Map keeps insertion order, the first key is the least recently used.
      this.#entries.delete(key)
    } else {
      entry = precompress(`${version}-${key}`, produce())
      entry.catch(() => this.#entries.delete(key))
    }
    this.#entries.set(key, entry)
    while (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as string)
    return entry
  }
}

/**
 * Answers with the representation the client accepts best, or 304 when its ETag matches.
 * `Cache-Control: no-cache`: the client revalidates every time, and an unchanged body costs
 * one 304.
 */
export function sendPrecompressed(c: Context, body: PrecompressedBody, contentType: string): Response {
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'))
  const etag = `"${body.tag}-${encoding}"`
  c.header('ETag', etag)
  c.header('Vary', 'Accept-Encoding')
  c.header('Cache-Control', 'no-cache')
  if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304)
  const bytes = body.bodies[encoding]
  c.header('Content-Type', contentType)
  c.header('Content-Length', String(bytes.length))
  if (encoding !== 'identity') c.header('Content-Encoding', encoding)
  // zlib's Buffers never sit on a SharedArrayBuffer.
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200)
}
