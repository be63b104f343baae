/** The OpenAPI part of the rating, its schema from the shared contract (shared/src/dossiers/citizen.ts). */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { RatingSubmissionSchema } from '@portal/shared/dossiers/citizen'
import { APP_HEADER } from '../auth/middleware.ts'
import { RATING_BODY_LIMIT } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })

export const ratingSchemas = toJsonSchemaDefs(
  { RatingSubmission: RatingSubmissionSchema },
  { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
)

export const ratingPaths = {
  '/api/dossiers/{id}/rating': {
    post: {
      operationId: 'rateDossier',
      summary: 'Rate one of my dossiers after its result was returned (once; idempotent on the rating’s id)',
      description:
        'The three levels (Rất hài lòng / Hài lòng / Chưa hài lòng) and, optionally, the contents of NĐ 61/2018 Art. 31. ' +
        'Only once the status is returned. The same id with the same content answers 200 with the dossier as it is now; the dossier view carries progress.rating. ' +
        `Body at most ${RATING_BODY_LIMIT / 1024} KB.`,
      security: [{ sessionCookie: [] }],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The dossier’s id.' },
        { name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value.' },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: ref('RatingSubmission') } } },
      responses: {
        201: json('Rated: the dossier with progress.rating', ref('DossierView')),
        200: json('Rated before under this id with the same content: the dossier as it is now', ref('DossierView')),
        400: problem('Malformed id or body (invalid-input)'),
        401: problem('No session (type unauthenticated): checked before anything else'),
        403: problem(`Missing ${APP_HEADER} (csrf-header-missing), or a foreign Origin`),
        404: problem('No such dossier of mine'),
        409: {
          description:
            'rating-before-result (no result returned yet: "Hồ sơ chưa có kết quả"), rating-exists (rated before under another id), rating-conflict (this id with other content, or for another dossier); `dossier`: the server’s view of the dossier',
          content: { 'application/problem+json': { schema: { allOf: [ref('Problem'), { type: 'object', properties: { dossier: ref('DossierView') }, required: ['dossier'] }] } } },
        },
        413: problem('Body over the limit (payload-too-large)'),
      },
    },
  },
}
