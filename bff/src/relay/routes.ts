/**
 * The relay's routes:
 *
 *   POST /api/relay/status-events          a province's signed status callback (HTTP connector
 *                                          only): 200 applied | duplicate, 202 waiting,
 *                                          401 timestamp or signature, 400 malformed,
 *                                          422 status-event-refused, 413 over CALLBACK_BODY_LIMIT
 *   GET  /api/relay/messages?state=        administrators: parked (default) or pending messages
 *   POST /api/relay/messages/{id}/retry    administrators: send a parked message again
 *
 * The callback is machine-to-machine: its caller has no session and sends no X-Requested-With,
 * and the HMAC over timestamp and body is its authentication (signature.ts). Order: signature
 * before the body is even parsed, so an unsigned caller learns nothing about what is expected.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import { requireRole, sessionOf } from '../auth/access.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import { limitBody } from '../http/body.ts'
import { invalidInput } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Logger } from '../log.ts'
import type { StatusInbound } from './contract.ts'
import type { RelayOutbox } from './outbox.ts'
import { callbackRefused, callbackTooLarge, messageNotParked, StatusEventRefused } from './problems.ts'
import { StatusEventSchema } from './schema.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from './signature.ts'

export const CALLBACK_PATH = '/api/relay/status-events'
export const CALLBACK_BODY_LIMIT = 64 * 1024
/** Messages per listing. */
export const MESSAGES_PAGE = 200

export interface CallbackDeps {
  /**
   * RELAY_CALLBACK_SECRET; undefined with the embedded connector: no signature can then be
   * valid, so every call is refused 401 like a wrongly signed one.
   */
  secret: string | undefined
  inbound: StatusInbound
  clock: Clock
  logger: Logger
}

export function callbackRoutes({ secret, inbound, clock, logger }: CallbackDeps) {
  const app = new Hono()
  app.post(
    CALLBACK_PATH,
    limitBody(CALLBACK_BODY_LIMIT, () => callbackTooLarge(CALLBACK_BODY_LIMIT)),
    async (c) => {
      if (secret === undefined) {
        logger.warn('status callback refused: no province system is configured (RELAY_CONNECTOR is not http)')
        throw callbackRefused('signature-invalid')
      }
      const body = new Uint8Array(await c.req.arrayBuffer())
      const verdict = verify(secret, { timestamp: c.req.header(TIMESTAMP_HEADER), signature: c.req.header(SIGNATURE_HEADER), body }, clock.now().getTime())
      if (verdict !== 'ok') {
        logger.warn({ verdict, bytes: body.length }, 'status callback refused: not signed as agreed')
        throw callbackRefused(verdict)
      }
      let json: unknown
      try {
        json = JSON.parse(Buffer.from(body).toString('utf8'))
      } catch {
        throw invalidInput([{ path: 'body', message: 'not JSON' }], 'Nội dung không phải JSON.')
      }
      const parsed = v.safeParse(StatusEventSchema, json)
      if (!parsed.success) {
        const errors = parsed.issues.map((issue) => ({ path: v.getDotPath(issue) ?? 'body', message: issue.message }))
        throw invalidInput(errors, `Sự kiện không hợp lệ: ${[...new Set(errors.map((e) => e.path))].join(', ')}`)
      }
      const outcome = inbound.accept(parsed.output)
      if (outcome.outcome === 'refused') throw new StatusEventRefused(outcome)
      c.header('Cache-Control', 'no-store')
      return c.json(outcome, outcome.outcome === 'waiting' ? 202 : 200)
    },
  )
  return app
}

const StateQuerySchema = v.object({ state: v.optional(v.picklist(['parked', 'pending']), 'parked') })
const IdParamSchema = v.object({ id: v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'id must be a whole number'), v.transform(Number)) })

export interface AdminDeps {
  outbox: RelayOutbox
  audit: AuditLog
  /** Look at the outbox now (a retried message is due at once). */
  wake: () => void
}

export function relayAdminRoutes({ outbox, audit, wake }: AdminDeps) {
  const app = new Hono()
  app.get('/api/relay/messages', requireRole('administrator'), validate('query', StateQuerySchema), (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ messages: outbox.list(c.req.valid('query').state, MESSAGES_PAGE) })
  })
  app.post('/api/relay/messages/:id/retry', requireRole('administrator'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    if (!(await outbox.retry(id))) throw messageNotParked()
    audit.record({ actor: sessionOf(c).sub, action: 'relay.message-retried', target: String(id) })
    wake()
    return c.json({ retried: id })
  })
  return app
}
