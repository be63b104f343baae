/**
 * The OpenAPI part of the relay: the province's signed status callback and file reads, the
 * administrators' view of the outbox, with the status event's schema from relay/schema.ts.
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { APP_HEADER } from '../auth/middleware.ts'
import { FILES_PATH } from './files.ts'
import { CALLBACK_BODY_LIMIT, CALLBACK_PATH, MESSAGES_PAGE } from './routes.ts'
import { InboundOutcomeSchema, StatusEventSchema } from './schema.ts'
import { FUTURE_SKEW_S, REPLAY_WINDOW_S, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string, schema = 'Problem') => ({ description, content: { 'application/problem+json': { schema: ref(schema) } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })
const header = (name: string, description: string) => ({ name, in: 'header', required: true, schema: { type: 'string' }, description })

const administrator = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (unauthenticated)'),
  403: problem('Not an administrator, or no second factor (forbidden, mfa-required)'),
}

export const relaySchemas = (() => {
  const defs = toJsonSchemaDefs(
    { StatusEvent: StatusEventSchema, InboundOutcome: InboundOutcomeSchema },
    { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  const entry = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      key: { type: 'string', description: 'Idempotency key: <dossier id>:<id>, then :<n> after the n-th resend' },
      dossierId: { type: 'string', format: 'uuid' },
      dossierCode: { type: 'string' },
      kind: { type: 'string', enum: ['submitted', 'supplement', 'withdrawal'] },
      attempts: { type: 'integer' },
      resends: { type: 'integer', description: 'Times an administrator sent it again; the key then ends in :<n>' },
      createdAt: { type: 'string' },
      nextAttemptAt: { type: ['string', 'null'] },
      deliveredAt: { type: ['string', 'null'] },
      parkedAt: { type: ['string', 'null'] },
      lastError: { type: ['string', 'null'] },
    },
    required: ['id', 'key', 'dossierId', 'dossierCode', 'kind', 'attempts', 'resends', 'createdAt', 'nextAttemptAt', 'deliveredAt', 'parkedAt', 'lastError'],
  }
  return {
    ...defs,
    StatusEvent: {
      ...defs.StatusEvent,
      description:
        'One step of a dossier’s life in the one-stop-shop; seq counts from 1 per dossier. A returnResult event names the result by its SHA-256 (event.resultFile) and ' +
        'describes it in `result` (name, type, size: required with returnResult); the portal then fetches the bytes with GET {RELAY_HTTP_URL}/dossiers/{dossierId}/files/{sha256} ' +
        'under its bearer token and keeps them only if their SHA-256 and size match.',
    },
    StatusEventRefusedProblem: {
      allOf: [ref('Problem'), { type: 'object', properties: { outcome: { const: 'refused' }, code: { type: 'string' }, message: { type: 'string' } }, required: ['outcome', 'code', 'message'] }],
      description: 'Problem of type status-event-refused: code is the state machine’s (not-allowed, reasons-required…) or unknown-dossier, sequence-too-far.',
    },
    RelayMessages: { type: 'object', properties: { messages: { type: 'array', items: entry } }, required: ['messages'] },
  }
})()

export const relayPaths = {
  [CALLBACK_PATH]: {
    post: {
      operationId: 'postStatusEvent',
      security: [{ relaySignature: [] }],
      summary: 'A status event from the province’s one-stop-shop (HTTP connector only; machine-to-machine)',
      description:
        `No session and no ${APP_HEADER}: the request is authenticated by ${SIGNATURE_HEADER} = "sha256=" + hex HMAC-SHA256(RELAY_CALLBACK_SECRET, "<${TIMESTAMP_HEADER}>.<raw body>"). ` +
        `A timestamp more than ${REPLAY_WINDOW_S} s old or ${FUTURE_SKEW_S} s ahead is refused. Events apply in order of seq per dossier; a duplicate is ignored (200), an early one kept (202). ` +
        `Body at most ${CALLBACK_BODY_LIMIT / 1024} KB. Without RELAY_CONNECTOR=http nothing can be verified: every call is refused 401.`,
      parameters: [header(TIMESTAMP_HEADER, 'Unix time in seconds when signed'), header(SIGNATURE_HEADER, 'sha256=<hex>')],
      requestBody: { required: true, content: { 'application/json': { schema: ref('StatusEvent') } } },
      responses: {
        200: json('Applied ({outcome: applied, status}) or already applied ({outcome: duplicate})', ref('InboundOutcome')),
        202: json('Early: kept until the events before it arrive ({outcome: waiting, expected})', ref('InboundOutcome')),
        400: problem('Not JSON, or not a StatusEvent (invalid-input; errors[] with paths)'),
        401: problem('Timestamp missing, stale or ahead (relay-timestamp-invalid), or signature wrong (relay-signature-invalid)'),
        413: problem('Body over the limit (payload-too-large)'),
        422: problem('Refused even in order, nothing changed (status-event-refused)', 'StatusEventRefusedProblem'),
      },
    },
  },
  [`${FILES_PATH}/{dossierId}/{sha256}`]: {
    get: {
      operationId: 'getRelayFile',
      security: [{ relaySignature: [] }],
      summary: 'An applicant’s file, read by the province’s one-stop-shop (HTTP connector only; machine-to-machine)',
      description:
        `Signed like the status callback, over the request line: ${SIGNATURE_HEADER} = "sha256=" + hex HMAC-SHA256(RELAY_CALLBACK_SECRET, "<${TIMESTAMP_HEADER}>.GET <path>"). ` +
        'Only the files of that dossier (its components at intake and in supplements, as named in the relay messages); any other is 404, whether the bytes exist or not.',
      parameters: [
        { name: 'dossierId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        header(TIMESTAMP_HEADER, 'Unix time in seconds when signed'),
        header(SIGNATURE_HEADER, 'sha256=<hex>'),
      ],
      responses: {
        200: {
          description: 'The bytes',
          headers: { 'Repr-Digest': { schema: { type: 'string' }, description: 'RFC 9530: sha-256=:<base64 of the SHA-256>:' } },
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/*': { schema: { type: 'string', format: 'binary' } } },
        },
        401: problem('Timestamp missing, stale or ahead (relay-timestamp-invalid), or signature wrong (relay-signature-invalid)'),
        404: problem('Not a file of that dossier'),
      },
    },
  },
  '/api/relay/messages': {
    get: {
      operationId: 'getRelayMessages',
      summary: `Administrators: relay messages parked (refused for good by the one-stop-shop) or pending, oldest first, at most ${MESSAGES_PAGE}`,
      security: administrator,
      parameters: [{ name: 'state', in: 'query', required: false, schema: { type: 'string', enum: ['parked', 'pending'], default: 'parked' } }],
      responses: { 200: json('Messages', ref('RelayMessages')), 400: problem('Unknown state (invalid-input)'), ...denied },
    },
  },
  '/api/relay/messages/{id}/retry': {
    post: {
      operationId: 'retryRelayMessage',
      summary: 'Administrators: send a parked message again (audited relay.message-retried)',
      security: administrator,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{1,15}$' } }, header(APP_HEADER, 'CSRF: any value')],
      responses: {
        200: json('Queued again', { type: 'object', properties: { retried: { type: 'integer' } }, required: ['retried'] }),
        400: problem('Malformed id (invalid-input)'),
        409: problem('Not a parked message (relay-message-not-parked)'),
        ...denied,
      },
    },
  },
}
