/** The OpenAPI part of the look-up, its schema from the shared contract (shared/src/lookup/schema.ts). */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { DossierLookupSchema } from '@portal/shared/lookup/schema'
import { PUBLIC_OPERATION } from '../auth/openapi.ts'
import { LOOKUP_LIMIT, LOOKUP_WINDOW_MS } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })

export const lookupSchemas = toJsonSchemaDefs(
  { DossierLookup: DossierLookupSchema },
  { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
)

const noStore = { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } }

export const lookupPaths = {
  '/api/lookup/{dossierCode}': {
    get: {
      operationId: 'lookUpDossier',
      ...PUBLIC_OPERATION,
      summary: 'Look up a dossier by its code (TT 01/2018 Art. 16): procedure, status and dates',
      description:
        'No session needed. Anyone gets the procedure, the status (code 1–10 and its Vietnamese name) and the dates; the signed-in owner also gets `owner` ' +
        `(agency, unit, history). At most ${LOOKUP_LIMIT} look-ups per client address in any ${LOOKUP_WINDOW_MS / 1000} s, malformed and unknown codes included ` +
        '(the address is the TCP peer, or X-Forwarded-For through a proxy listed in TRUSTED_PROXIES).',
      parameters: [
        {
          name: 'dossierCode',
          in: 'path',
          required: true,
          schema: { type: 'string', maxLength: 40 },
          description: '`<agency code>-YYMMDD-NNNN`, e.g. 000.00.01.H55-260701-0001; spaces around it are ignored and letters may be small.',
        },
      ],
      responses: {
        200: { description: 'The dossier', headers: noStore, content: { 'application/json': { schema: ref('DossierLookup') } } },
        400: problem('Malformed code (type invalid-input)'),
        404: problem('No dossier has this code (type not-found); the same body for every unknown code'),
        429: {
          ...problem('Over the limit (type too-many-lookups)'),
          headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'Seconds until a look-up is accepted again.' } },
        },
        default: problem('Error'),
      },
    },
  },
}
