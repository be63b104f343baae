/**
 * The OpenAPI part of the officers' API (routes.ts), with its schemas from the shared valibot
 * contract (shared/src/onestop/api.ts).
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { OfficerActionSchema, OfficerDossierSchema, OfficerQueueSchema, OfficerUnitSchema } from '@portal/shared/onestop/api'
import { LIFECYCLE_ERRORS } from '@portal/shared/lifecycle/messages'
import { APP_HEADER } from '../auth/middleware.ts'
import { ACTION_BODY_LIMIT } from './routes.ts'
import { QUEUE_PAGE } from './queue.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string, schema = 'Problem') => ({ description, content: { 'application/problem+json': { schema: ref(schema) } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (unauthenticated): checked before anything else'),
  403: problem('Not an officer (forbidden), no second factor (mfa-required), or on a write a missing ' + APP_HEADER),
}
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The dossier id (the portal’s).' }
const agencyQuery = { name: 'agency', in: 'query', required: false, schema: { type: 'string' }, description: 'One of the officer’s agencies (403 otherwise); default all of them.' }
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description })

export const officerSchemas = (() => {
  const defs = toJsonSchemaDefs(
    { OfficerAction: OfficerActionSchema, OfficerQueue: OfficerQueueSchema, OfficerDossier: OfficerDossierSchema, OfficerUnit: OfficerUnitSchema },
    { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  return {
    ...defs,
    TransitionRefusedProblem: {
      allOf: [ref('Problem'), { type: 'object', properties: { code: { type: 'string', enum: Object.keys(LIFECYCLE_ERRORS) } }, required: ['code'] }],
      description: 'Problem of type transition-refused: the lifecycle error code; `detail` is its Vietnamese message.',
    },
  }
})()

export const officerPaths = {
  '/api/officer/dossiers': {
    get: {
      operationId: 'getOfficerQueue',
      summary: 'The queue of the officer’s agencies: overdue, then soon due, then by due date; then by registration; closed last',
      security: session,
      parameters: [
        agencyQuery,
        query('status', { type: 'string' }, 'A DossierStatus.'),
        query('procedure', { type: 'string' }, 'A procedure code.'),
        query('due', { type: 'string', enum: ['overdue', 'soon', 'all'] }, 'Overdue, or due by the end of the next working day.'),
        query('cursor', { type: 'string' }, `The \`next\` of the previous page (pages of ${QUEUE_PAGE}).`),
      ],
      responses: { 200: json('One page', ref('OfficerQueue')), 400: problem('A malformed filter or cursor (invalid-input)'), ...denied },
    },
  },
  '/api/officer/dossiers/{id}': {
    get: {
      operationId: 'getOfficerDossier',
      summary: 'A dossier of the officer’s agency, with the actions their duties allow now (audited read)',
      security: session,
      parameters: [idParam],
      responses: { 200: json('The dossier', ref('OfficerDossier')), 400: problem('Malformed id'), 404: problem('Unknown, or of another agency (not-found)'), ...denied },
    },
  },
  '/api/officer/dossiers/{id}/files/{sha256}': {
    get: {
      operationId: 'getOfficerDossierFile',
      summary: 'A file of the dossier (a component’s, or the result), inline for preview (audited read)',
      security: session,
      parameters: [idParam, { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
      responses: {
        200: { description: 'The bytes, as their type, Content-Disposition inline, X-Content-Type-Options nosniff', content: { 'application/octet-stream': {} } },
        400: problem('Malformed id or hash'),
        404: problem('Not a file of this dossier, or the dossier is unknown or of another agency'),
        ...denied,
      },
    },
  },
  '/api/officer/dossiers/{id}/actions': {
    post: {
      operationId: 'postOfficerAction',
      summary: 'An action on the dossier, through the state machine; the server adds the time, the processing time at receipt, the result file’s grant',
      description: `Duties: reception (receive, refuse, requestSupplement), processing (startProcessing, transfer, recordOpinion, requireFees, feesPaid), approval (approve, returnResult, apologiseLate, stop). Body at most ${ACTION_BODY_LIMIT / 1024} KB.`,
      security: session,
      parameters: [idParam, { name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value (the app sends portal).' }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('OfficerAction') } } },
      responses: {
        200: json('The dossier after the action', ref('OfficerDossier')),
        400: problem('Malformed body: a missing reason, item, unit… (invalid-input; errors[] with paths), or a processingOption the procedure lacks'),
        404: problem('Unknown, or of another agency (not-found)'),
        409: problem('The state machine refuses it now (transition-refused, with the lifecycle code)', 'TransitionRefusedProblem'),
        413: problem('Body over the limit (payload-too-large)'),
        422: problem('processing-time-missing (the procedure publishes none), result-file-unknown (not uploaded by this officer)'),
        ...denied,
      },
    },
  },
  '/api/officer/units': {
    get: {
      operationId: 'getOfficerUnits',
      summary: 'Agencies and units to transfer to (the agency directory), the officer’s own first',
      security: session,
      parameters: [agencyQuery],
      responses: { 200: json('Units', { type: 'array', items: ref('OfficerUnit') }), ...denied },
    },
  },
}
