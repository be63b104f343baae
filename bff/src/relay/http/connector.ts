/**
 * The HTTP connector: a province's one-stop-shop system behind the LGSP, reached with JSON over
 * HTTPS and a bearer token (token.ts). Each message is one request:
 *
 *   submitted   POST {url}/dossiers
 *   supplement  POST {url}/dossiers/{dossierId}/supplements
 *   withdrawal  POST {url}/dossiers/{dossierId}/withdrawal
 *
 * with `Idempotency-Key: <message key>` and the body `{ dossierId, kind, payload }`. The province
 * answers 2xx with `{ externalCode? }` (its own code for the dossier), the same answer to the
 * same key however often it comes.
 *
 * Files the province holds for a dossier (its result, named by SHA-256 in the returnResult
 * event) are read with `GET {url}/dossiers/{dossierId}/files/{sha256}` under the same token.
 *
 * Failures, as the worker needs them: a 401 drops the token and the request is sent once more
 * with a new one; network errors, timeouts (the worker's AbortSignal), 5xx, 408, 425, 429 and a
 * second 401 are retried later (the message or the credentials may be fine tomorrow); any other
 * 4xx means the province will never take this message: PermanentDeliveryError (parked).
 */
import * as v from 'valibot'
import type { HttpRelayConfig } from '../config.ts'
import { PermanentDeliveryError, type DeliveryAck, type OneStopConnector, type RelayMessage } from '../contract.ts'
import { ClientCredentials } from './token.ts'

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** 4xx answers that say "not now" rather than "never". */
const RETRYABLE = new Set([401, 408, 425, 429])

const AckSchema = v.object({ externalCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))) })

/** The province answered, but not yet usefully: retried later. */
export class ProvinceUnavailable extends Error {
  override readonly name = 'ProvinceUnavailable'
}

export function messagePath(message: RelayMessage): string {
  const id = encodeURIComponent(message.dossierId)
  switch (message.kind) {
    case 'submitted':
      return '/dossiers'
    case 'supplement':
      return `/dossiers/${id}/supplements`
    case 'withdrawal':
      return `/dossiers/${id}/withdrawal`
  }
}

export class HttpConnector implements OneStopConnector {
  readonly name = 'http'
  readonly tokens: ClientCredentials

  constructor(private readonly config: HttpRelayConfig) {
    this.tokens = new ClientCredentials(config)
  }

  async deliver(message: RelayMessage, signal: AbortSignal): Promise<DeliveryAck> {
    const res = await this.#authorised(
      (token) =>
        fetch(this.config.url + messagePath(message), {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            [IDEMPOTENCY_HEADER]: message.key,
          },
          body: JSON.stringify({ dossierId: message.dossierId, kind: message.kind, payload: message.payload }),
          signal,
        }),
      signal,
    )
    const text = await res.text()
    if (res.ok) return ack(text)
    const detail = `${this.config.url}${messagePath(message)} answered ${res.status}: ${text.slice(0, 300)}`
    if (res.status >= 500 || RETRYABLE.has(res.status)) throw new ProvinceUnavailable(detail)
    throw new PermanentDeliveryError(detail)
  }

  async fetchFile(dossierId: string, sha256: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const url = `${this.config.url}/dossiers/${encodeURIComponent(dossierId)}/files/${encodeURIComponent(sha256)}`
    const res = await this.#authorised((token) => fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal }), signal)
    if (res.ok && res.body) return res.body
    const text = await res.text()
    throw new ProvinceUnavailable(`${url} answered ${res.status}: ${text.slice(0, 300)}`)
  }

  /** Sends with the cached token; a 401 drops it and sends once more with a new one. */
  async #authorised(send: (token: string) => Promise<Response>, signal: AbortSignal): Promise<Response> {
    const token = await this.tokens.token(signal)
    const res = await send(token)
    if (res.status !== 401) return res
    await res.body?.cancel()
    this.tokens.invalidate(token)
    return send(await this.tokens.token(signal))
  }
}

/** The acknowledgement in a 2xx body; an empty or unreadable body acknowledges without a code. */
function ack(text: string): DeliveryAck {
  if (text.trim() === '') return {}
  try {
    const parsed = v.safeParse(AckSchema, JSON.parse(text))
    return parsed.success && parsed.output.externalCode ? { externalCode: parsed.output.externalCode } : {}
  } catch {
    return {}
  }
}
