/**
 * Request bodies with a size limit, read straight from Node's IncomingMessage.
 *
 * Why. Hono's own path (`bodyLimit`, then `c.req.json()`) makes @hono/node-server build a full
 * WHATWG Request for every body: an undici Request, a web ReadableStream over the socket and an
 * AbortSignal. For a dossier of a few kilobytes that costs more than validating it; a CPU profile
 * of intake put about 12 % of the BFF's time there (docs/benchmarks.md). Here the bytes are
 * collected from the Node stream and handed to Hono's body cache (`c.req.bodyCache`), which
 * `c.req.json()`, `text()` and `arrayBuffer()` read first, so no Request is ever built.
 *
 * The limit: a declared Content-Length above it is refused before anything is read; a chunked
 * body is counted as it arrives and refused once it passes. Both answer `tooLarge()` (413). The
 * bytes are read in the middleware, before the handler, so a body that is too large or cut off
 * is refused here and not seen by the validator as malformed JSON. Text is decoded as the Fetch
 * standard's `text()` does (UTF-8, a leading BOM dropped); `arrayBuffer()` gives the exact bytes
 * (a signature is checked over them).
 *
 * Without a Node request (`app.request()` in tests), Hono's `bodyLimit` does the same job.
 */
import type { HttpBindings } from '@hono/node-server'
import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problemTypes } from '@portal/shared/http/problem'
import { HttpError } from './problem.ts'

const decoder = new TextDecoder()

/** The client stopped sending before the body was complete. */
export const bodyIncomplete = () => new HttpError(400, problemTypes.invalidInput, 'Dữ liệu gửi lên không đầy đủ', 'Kết nối bị ngắt trước khi nhận đủ nội dung yêu cầu; vui lòng gửi lại.')

function readBody(incoming: IncomingMessage, maxSize: number, tooLarge: () => Error): Promise<Buffer> {
  if (incoming.readableEnded) return Promise.resolve(Buffer.alloc(0))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (error?: Error) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onClose).off('close', onClose)
      if (error) reject(error)
      else resolve(Buffer.concat(chunks, size))
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      // What is left is drained by @hono/node-server after the answer.
      if (size > maxSize) settle(tooLarge())
      else chunks.push(chunk)
    }
    const onEnd = () => settle()
    const onClose = () => settle(bodyIncomplete())
    incoming.on('data', onData).on('end', onEnd).on('error', onClose).on('close', onClose)
  })
}

/**
 * @example app.post('/api/dossiers', limitBody(64 * 1024, () => payloadTooLarge(64 * 1024)), validate('json', Schema), handler)
 */
export function limitBody(maxSize: number, tooLarge: () => Error): MiddlewareHandler {
  const fallback = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge()
    },
  })
  return async (c, next) => {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming
    if (!incoming || c.req.method === 'GET' || c.req.method === 'HEAD') return fallback(c, next)
    const declared = c.req.header('content-length')
    if (declared !== undefined && Number(declared) > maxSize) throw tooLarge()
    const bytes = await readBody(incoming, maxSize, tooLarge)
    // At run time Hono keeps the promises of the body's readings there (its type says otherwise).
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>
    cache.text = Promise.resolve(decoder.decode(bytes))
    Object.defineProperty(cache, 'arrayBuffer', {
      configurable: true,
      enumerable: true,
      get: () => Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
    })
    await next()
  }
}
