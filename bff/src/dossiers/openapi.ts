/**
 * The OpenAPI part of intake: the dossier routes and the tus upload endpoint, with their
 * schemas from the shared valibot contract (shared/src/dossiers/schema.ts).
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { SupplementSubmissionSchema, WithdrawalRequestSchema } from '@portal/shared/dossiers/citizen'
import { DossierChangesSchema, DossierReceiptSchema, DossierSubmissionSchema, DossierViewSchema } from '@portal/shared/dossiers/schema'
import { FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { APP_HEADER } from '../auth/middleware.ts'
import { UploadMetadataSchema } from '../uploads/tus.ts'
import { CHANGES_PAGE, INTAKE_BODY_LIMIT } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string, schema = 'Problem') => ({ description, content: { 'application/problem+json': { schema: ref(schema) } } })
const json = (description: string, schema: object, headers?: object) => ({ description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } })

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (type unauthenticated): checked before anything else'),
  403: problem(`Missing ${APP_HEADER} on a write (csrf-header-missing), or a foreign Origin`),
}
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The client-generated dossier id (also its idempotency key).' }
const location = { Location: { schema: { type: 'string' }, description: '/api/dossiers/{id}' } }
const tusHeader = (name: string, description: string) => ({ name, in: 'header', required: true, schema: { type: 'string' }, description })
const uploadIdParam = { name: 'uploadId', in: 'path', required: true, schema: { type: 'string' }, description: 'The last segment of the Location given at creation.' }

export const dossierSchemas = (() => {
  const defs = toJsonSchemaDefs(
    {
      DossierSubmission: DossierSubmissionSchema,
      DossierReceipt: DossierReceiptSchema,
      DossierView: DossierViewSchema,
      DossierChanges: DossierChangesSchema,
      SupplementSubmission: SupplementSubmissionSchema,
      WithdrawalRequest: WithdrawalRequestSchema,
      UploadMetadata: UploadMetadataSchema,
    },
    { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  return {
    ...defs,
    UploadMetadata: {
      ...defs.UploadMetadata,
      description: 'Keys of the tus Upload-Metadata header (each value base64, as tus requires): sha256 of the bytes, file name, MIME type.',
    },
    DossierConflictProblem: {
      allOf: [ref('Problem'), { type: 'object', properties: { dossier: ref('DossierView') }, required: ['dossier'] }],
      description: 'Problem of type dossier-conflict: the dossier the server holds under this id.',
    },
  }
})()


export const dossierPaths = {
  '/api/dossiers': {
    post: {
      operationId: 'submitDossier',
      summary: 'Submit a dossier (idempotent on its id)',
      description:
        'Files are uploaded first (tus, /api/uploads) and referenced by SHA-256. The same id with the same content (canonical hash) answers 200 with the first receipt; with other content 409 dossier-conflict carrying the server’s dossier; an id another person used 409 dossier-id-taken. ' +
        `Body at most ${INTAKE_BODY_LIMIT / 1024} KB.`,
      security: session,
      parameters: [{ name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value (the app sends portal).' }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('DossierSubmission') } } },
      responses: {
        201: json('Received: the acknowledgement with the dossier code', ref('DossierReceipt'), location),
        200: json('Received before with the same content: the same acknowledgement', ref('DossierReceipt'), location),
        400: problem('Malformed body (invalid-input; errors[] with paths)'),
        409: problem('dossier-conflict (same id, other content: `dossier` is the server’s) or dossier-id-taken (another person’s id)', 'DossierConflictProblem'),
        413: problem('Body over the limit (payload-too-large)'),
        422: problem('dossier-invalid: every fault at once in errors[] (paths procedureCode, form.<field>, components.<componentId>, components, communeCode, resultDelivery.address)'),
        ...denied,
      },
    },
  },
  '/api/dossiers/changes': {
    get: {
      operationId: 'getDossierChanges',
      summary: 'My dossiers changed after a server cursor',
      security: session,
      parameters: [{ name: 'cursor', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$', default: '0' }, description: `The cursor of the previous answer (0: everything). Pages of ${CHANGES_PAGE}; \`more\` says whether to ask again.` }],
      responses: { 200: json('Changes, oldest first', ref('DossierChanges')), 400: problem('Malformed cursor (invalid-input)'), ...denied },
    },
  },
  '/api/dossiers/{id}': {
    get: {
      operationId: 'getDossier',
      summary: 'One of my dossiers',
      security: session,
      parameters: [idParam],
      responses: { 200: json('The dossier', ref('DossierView')), 400: problem('Malformed id'), 404: problem('No such dossier of mine'), ...denied },
    },
  },
  '/api/dossiers/{id}/receipt.pdf': {
    get: {
      operationId: 'getDossierReceiptPdf',
      summary: 'The acknowledgement of online submission, A5 PDF',
      security: session,
      parameters: [idParam],
      responses: {
        200: { description: 'PDF (A5); its Subject is the dossier code', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
        400: problem('Malformed id'),
        404: problem('No such dossier of mine'),
        ...denied,
      },
    },
  },
  '/api/dossiers/{id}/supplements': {
    post: {
      operationId: 'submitSupplement',
      summary: 'Supplement one of my dossiers, answering its open supplement request (idempotent on the supplement’s id)',
      description:
        'Only while the dossier is supplementRequested. Files are uploaded first (tus, /api/uploads) and referenced by SHA-256, as at intake. ' +
        'components: exactly the components the request names (progress.supplementRequest.items[].componentId), each with its new files; form: corrected answers, only when an item names no component. ' +
        'Stored with its relay message: the status moves when the one-stop-shop takes it (supplementReceived: back to where the request found it, the due date counted again), pulled by the changes cursor. ' +
        'The same id with the same content answers 200 with the dossier as it is now; one supplement per request.',
      security: session,
      parameters: [idParam, { name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value.' }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('SupplementSubmission') } } },
      responses: {
        202: json('Stored, to be relayed: the dossier (status still supplementRequested; last history entry event supplementSent)', ref('DossierView'), location),
        200: json('Sent before with the same content: the dossier as it is now', ref('DossierView'), location),
        400: problem('Malformed id or body (invalid-input)'),
        404: problem('No such dossier of mine'),
        409: problem(
          'supplement-not-requested (the dossier is not in Yêu cầu bổ sung; nothing stored), step-already-sent (this request was answered under another id, or a withdrawal was sent), step-conflict (same id, other content), step-id-taken (id used for another step)',
        ),
        413: problem('Body over the limit (payload-too-large)'),
        422: problem('supplement-invalid: every fault at once in errors[] (components.<componentId>: not asked for, missing, file type, file not uploaded by me; components: nothing supplied or over the size limit; form.<field>)'),
        ...denied,
      },
    },
  },
  '/api/dossiers/{id}/withdrawal': {
    post: {
      operationId: 'withdrawDossier',
      summary: 'Withdraw one of my dossiers before processing (idempotent on the request’s id)',
      description:
        'Allowed by the lifecycle before processing starts: registered, accepted, supplementRequested (unless the request came during processing). ' +
        'Stored with its relay message; the status becomes withdrawn when the one-stop-shop takes it. The same id with the same content answers 200.',
      security: session,
      parameters: [idParam, { name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value.' }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('WithdrawalRequest') } } },
      responses: {
        202: json('Stored, to be relayed: the dossier (last history entry event withdrawalSent)', ref('DossierView'), location),
        200: json('Sent before with the same content: the dossier as it is now', ref('DossierView'), location),
        400: problem('Malformed id or body (invalid-input)'),
        404: problem('No such dossier of mine'),
        409: problem('withdrawal-not-allowed (processing started or the dossier is closed; detail says why in Vietnamese), step-already-sent, step-conflict, step-id-taken'),
        ...denied,
      },
    },
  },
  '/api/dossiers/{id}/result': {
    get: {
      operationId: 'getDossierResult',
      summary: 'The result file of one of my dossiers, once returned',
      security: session,
      parameters: [idParam],
      responses: {
        200: {
          description: 'The file (attachment), as progress.result describes it',
          headers: { 'Repr-Digest': { schema: { type: 'string' }, description: 'RFC 9530: sha-256=:<base64 of the SHA-256>: — check the bytes kept on the device against it' } },
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/*': { schema: { type: 'string', format: 'binary' } } },
        },
        400: problem('Malformed id'),
        404: problem('No such dossier of mine, or no result (yet) to download'),
        503: {
          ...problem('The result is with the province’s one-stop-shop and could not be fetched now (result-unavailable); try again after Retry-After seconds'),
          headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
        },
        ...denied,
      },
    },
  },
  '/api/uploads': {
    description:
      `Resumable uploads, tus 1.0.0 (creation, creation-with-upload, termination, expiration). OPTIONS /api/uploads/ answers the server's capabilities without a session (Tus-Version, Tus-Extension, Tus-Max-Size = ${FILE_LIMIT_BYTES}). ` +
      `Every other request needs the session cookie, and writes also ${APP_HEADER}. Errors are problem+json.`,
    post: {
      operationId: 'createUpload',
      summary: 'Create an upload (tus creation)',
      security: session,
      parameters: [
        tusHeader('Tus-Resumable', '1.0.0'),
        tusHeader('Upload-Length', `Bytes, 1 to ${FILE_LIMIT_BYTES}`),
        tusHeader('Upload-Metadata', 'sha256, filename, filetype (see UploadMetadata)'),
        tusHeader(APP_HEADER, 'CSRF: any value'),
      ],
      responses: {
        201: { description: 'Created; Location: /api/uploads/{uploadId}; Upload-Expires', headers: { Location: { schema: { type: 'string' } }, 'Upload-Expires': { schema: { type: 'string' } } } },
        400: problem('Missing or malformed metadata (upload-invalid-metadata)'),
        413: problem('Upload-Length over 10 MB (upload-too-large)'),
        429: problem('Too many unfinished uploads for this person (upload-too-many)'),
        ...denied,
      },
    },
  },
  '/api/uploads/{uploadId}': {
    head: {
      operationId: 'getUploadOffset',
      summary: 'Offset of one of my uploads (tus); a finished one answers offset = length',
      security: session,
      parameters: [uploadIdParam, tusHeader('Tus-Resumable', '1.0.0')],
      responses: { 200: { description: 'Upload-Offset, Upload-Length' }, 404: { description: 'No such upload of mine' }, 410: { description: 'Expired' }, 401: { description: 'No session' } },
    },
    patch: {
      operationId: 'appendUpload',
      summary: 'Append bytes at Upload-Offset (tus); the last chunk verifies SHA-256 and type',
      security: session,
      parameters: [uploadIdParam, tusHeader('Tus-Resumable', '1.0.0'), tusHeader('Upload-Offset', 'Bytes already received'), tusHeader(APP_HEADER, 'CSRF: any value')],
      requestBody: { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        204: { description: 'Appended (Upload-Offset); when complete, the bytes are verified, stored and granted to me' },
        404: problem('No such upload of mine'),
        409: problem('Offset mismatch (upload-protocol): HEAD and resume'),
        410: problem('Expired (upload-expired)'),
        413: problem('More bytes than declared (upload-too-large)'),
        422: problem('upload-hash-mismatch (bytes differ from the declared sha256) or upload-type-mismatch (first bytes are not the declared type); the upload is deleted'),
        ...denied,
      },
    },
    delete: {
      operationId: 'terminateUpload',
      summary: 'Abandon one of my unfinished uploads (tus termination)',
      security: session,
      parameters: [uploadIdParam, tusHeader('Tus-Resumable', '1.0.0'), tusHeader(APP_HEADER, 'CSRF: any value')],
      responses: { 204: { description: 'Deleted (or already finished: kept, nothing done)' }, 404: problem('No such upload of mine'), ...denied },
    },
  },
}
