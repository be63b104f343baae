/** The OpenAPI part of the agency directory's admin API, with schemas from the shared contract (shared/src/catalog/directory.ts). */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { AgencyChangeSchema, AgencyInputSchema } from '@portal/shared/catalog/directory'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } })

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (type unauthenticated)'),
  403: problem('Not an administrator, no second factor (mfa-required), or missing X-Requested-With (csrf-header-missing)'),
}
const codeParam = { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: 'TT 10/2016 code, e.g. 000.00.01.H55' }
const edited = json('The entry and the catalogue version that carries it', ref('AgencyEdit'))
const refused = {
  400: problem('Invalid input, unknown kind or parent, a cycle (type invalid-input)'),
  404: problem('No such entry'),
  409: problem('Conflict: agency-exists, agency-commune-taken, agency-state or agency-referenced'),
}

export const directorySchemas = (() => {
  const defs = toJsonSchemaDefs(
    { AgencyInput: AgencyInputSchema, AgencyChange: AgencyChangeSchema },
    { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  return {
    ...defs,
    AgencyEdit: { type: 'object', properties: { agency: ref('Agency'), version: ref('CatalogVersion') }, required: ['agency', 'version'] },
    AgencyDirectoryAdmin: {
      type: 'object',
      description: 'The whole directory (units and deactivated entries too); each entry says how many dossiers, officer roles and units name it.',
      properties: {
        version: ref('CatalogVersion'),
        province: { type: 'object' },
        kinds: { type: 'array', items: ref('AgencyKind') },
        agencies: { type: 'array', items: { allOf: [ref('Agency'), { type: 'object', properties: { references: { type: 'object' } } }] } },
        edited: { type: ['object', 'null'] },
      },
      required: ['version', 'province', 'kinds', 'agencies', 'edited'],
    },
  }
})()

export const directoryPaths = {
  '/api/admin/agencies': {
    get: { operationId: 'listDirectory', summary: 'The agency directory as administrators edit it', security: session, responses: { 200: json('The directory', ref('AgencyDirectoryAdmin')), ...denied } },
    post: { operationId: 'addAgency', summary: 'Add an agency or a unit (administrators)', security: session, requestBody: body('AgencyInput'), responses: { 201: edited, ...refused, ...denied } },
  },
  '/api/admin/agencies/{code}': {
    patch: { operationId: 'changeAgency', summary: 'Rename, set the parent, other facts (administrators)', security: session, parameters: [codeParam], requestBody: body('AgencyChange'), responses: { 200: edited, ...refused, ...denied } },
    delete: { operationId: 'removeAgency', summary: 'Remove an entry nothing names (administrators)', security: session, parameters: [codeParam], responses: { 204: { description: 'Removed' }, ...refused, ...denied } },
  },
  '/api/admin/agencies/{code}/deactivate': {
    post: { operationId: 'deactivateAgency', summary: 'Out of the public directory, kept for what names it (administrators)', security: session, parameters: [codeParam], responses: { 200: edited, ...refused, ...denied } },
  },
  '/api/admin/agencies/{code}/reactivate': {
    post: { operationId: 'reactivateAgency', summary: 'Back in the public directory (administrators)', security: session, parameters: [codeParam], responses: { 200: edited, ...refused, ...denied } },
  },
}
