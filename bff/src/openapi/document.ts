/**
 * The OpenAPI 3.1 description of the API, built from the same valibot schemas that validate
 * requests and the app's data, so it cannot drift from what the server enforces. Built once.
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import {
  AgencyDirectorySchema,
  AgencyKindSchema,
  AgencySchema,
  CatalogChangesSchema,
  CatalogSchema,
  CatalogVersionSchema,
  ComponentSchema,
  FieldSchema,
  ProcedureCodeSchema,
  ProcedureSchema,
} from '@portal/shared/catalog/schema'
import { CatalogChangesWireSchema, CatalogWireSchema, ComponentWireSchema, ProcedureWireSchema } from '@portal/shared/catalog/wire'
import { ProblemSchema } from '@portal/shared/http/problem'
import { authPaths, authSchemas, securitySchemes } from '../auth/openapi.ts'
import { calendarPaths, calendarSchemas } from '../calendar/openapi.ts'
import { directoryPaths, directorySchemas } from '../catalog/directory/openapi.ts'
import { dossierPaths, dossierSchemas } from '../dossiers/openapi.ts'
import { APP_VERSION, HealthSchema } from '../health/routes.ts'
import { lookupPaths, lookupSchemas } from '../lookup/openapi.ts'
import { noticePaths, noticeSchemas } from '../notices/openapi.ts'
import { officerPaths, officerSchemas } from '../onestop/openapi.ts'
import { ratingPaths, ratingSchemas } from '../ratings/openapi.ts'
import { relayPaths, relaySchemas } from '../relay/openapi.ts'
import { slipPaths } from '../slips/openapi.ts'
import { statisticsPaths, statisticsSchemas } from '../statistics/openapi.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
})

/** Headers and parameters of the conditional, precompressed answers (representation.ts). */
const conditional = {
  parameters: [
    { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'ETag of the copy held: 304 when unchanged.' },
    { name: 'Accept-Encoding', in: 'header', required: false, schema: { type: 'string' }, description: 'br is preferred, then gzip.' },
  ],
  headers: {
    ETag: { schema: { type: 'string' }, description: 'Strong, one per content coding and wire format, e.g. "0a1b2c3d.7-catalog.p1-br".' },
    Vary: { schema: { type: 'string', const: 'Accept-Encoding' } },
  },
  notModified: { description: 'Unchanged since the ETag given in If-None-Match.' },
}

/** What the packed catalogue schemas are, for readers of the document (shared/src/catalog/wire.ts). */
const PACKED =
  'Packed: long texts repeated across procedures are sent once in `texts`; in each procedure `legalBasis`, `sources`, `notes` ' +
  'and each component `name` are indices into `texts`. Replacing every index by its text gives '

const described = <T extends object>(schema: T | undefined, description: string) => ({ ...schema, description })

export function buildOpenApiDocument(serverUrl: string) {
  const defs = toJsonSchemaDefs(
    {
      CatalogWire: CatalogWireSchema,
      CatalogChangesWire: CatalogChangesWireSchema,
      ProcedureWire: ProcedureWireSchema,
      ComponentWire: ComponentWireSchema,
      Catalog: CatalogSchema,
      CatalogChanges: CatalogChangesSchema,
      CatalogVersion: CatalogVersionSchema,
      Procedure: ProcedureSchema,
      ProcedureCode: ProcedureCodeSchema,
      Component: ComponentSchema,
      Field: FieldSchema,
      AgencyKind: AgencyKindSchema,
      Agency: AgencySchema,
      AgencyDirectory: AgencyDirectorySchema,
      Health: HealthSchema,
      Problem: ProblemSchema,
    },
    { target: 'draft-2020-12', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  const schemas = {
    ...defs,
    CatalogWire: described(defs.CatalogWire, `The catalogue as sent by GET /api/catalog. ${PACKED}a Catalog.`),
    CatalogChangesWire: described(defs.CatalogChangesWire, `The changes as sent by GET /api/catalog/changes. ${PACKED}a CatalogChanges.`),
    ProcedureWire: described(defs.ProcedureWire, 'A Procedure within a packed catalogue: legalBasis, sources and notes are indices into `texts`.'),
    ComponentWire: described(defs.ComponentWire, 'A Component within a packed catalogue: name is an index into `texts`.'),
    Catalog: described(defs.Catalog, 'The catalogue unpacked: what the app stores.'),
    CatalogChanges: described(defs.CatalogChanges, 'The changes unpacked: what the app applies to its stored catalogue.'),
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cổng Dịch vụ công: API của BFF',
      version: APP_VERSION,
      description: 'Errors are application/problem+json (RFC 9457) with a Vietnamese title and a stable type.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness and database check',
          responses: { 200: json('Healthy', ref('Health')), 503: json('The database does not answer', ref('Health')) },
        },
      },
      '/api/catalog': {
        get: {
          operationId: 'getCatalog',
          summary: 'The whole procedure catalogue, packed (see CatalogWire)',
          parameters: conditional.parameters,
          responses: {
            200: json('The catalogue at its current version', ref('CatalogWire'), conditional.headers),
            304: conditional.notModified,
            default: problem('Error'),
          },
        },
      },
      '/api/catalog/changes': {
        get: {
          operationId: 'getCatalogChanges',
          summary: 'What changed since a catalogue version, packed (see CatalogChangesWire)',
          parameters: [
            { name: 'since', in: 'query', required: true, schema: ref('CatalogVersion'), description: 'The version the client holds.' },
            ...conditional.parameters,
          ],
          responses: {
            200: json('Changes, or everything with reset: true when `since` is of another database', ref('CatalogChangesWire'), conditional.headers),
            304: conditional.notModified,
            400: problem('`since` missing or malformed (type invalid-input)'),
            default: problem('Error'),
          },
        },
      },
      '/api/catalog/{code}': {
        get: {
          operationId: 'getProcedure',
          summary: 'One procedure',
          parameters: [{ name: 'code', in: 'path', required: true, schema: ref('ProcedureCode') }],
          responses: {
            200: json('The procedure', ref('Procedure')),
            400: problem('Malformed code (type invalid-input)'),
            404: problem('No such procedure (type not-found)'),
            default: problem('Error'),
          },
        },
      },
      '/api/agencies': {
        get: {
          operationId: 'getAgencies',
          summary: 'The agency directory of the province',
          parameters: conditional.parameters,
          responses: {
            200: json('The directory', ref('AgencyDirectory'), conditional.headers),
            304: conditional.notModified,
            default: problem('Error'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { 200: json('OpenAPI 3.1 document', { type: 'object' }) },
        },
      },
      ...authPaths,
      ...dossierPaths,
      ...calendarPaths,
      ...directoryPaths,
      ...lookupPaths,
      ...relayPaths,
      ...noticePaths,
      ...officerPaths,
      ...slipPaths,
      ...ratingPaths,
      ...statisticsPaths,
    },
    components: { schemas: { ...schemas, ...authSchemas, ...dossierSchemas, ...calendarSchemas, ...directorySchemas, ...lookupSchemas, ...relaySchemas, ...noticeSchemas, ...officerSchemas, ...ratingSchemas, ...statisticsSchemas }, securitySchemes },
  }
}
