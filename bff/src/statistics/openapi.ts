/** The OpenAPI part of the public statistics, its schema from the shared contract (shared/src/statistics/schema.ts). */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { GROUP_BYS, STATISTICS_MAX_MONTHS, StatisticsSchema } from '@portal/shared/statistics/schema'
import { PUBLIC_OPERATION } from '../auth/openapi.ts'
import { STATISTICS_TTL_MS } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })

export const statisticsSchemas = toJsonSchemaDefs(
  { Statistics: StatisticsSchema },
  { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
)

const month = (name: string, description: string) => ({ name, in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, description })
const parameters = [
  { name: 'groupBy', in: 'query', required: false, schema: { type: 'string', enum: GROUP_BYS, default: 'agency' } },
  month('from', 'First month (YYYY-MM, Vietnam time); default: eleven months before `to`.'),
  month('to', 'Last month; default: the current one.'),
]
const cached = { 'Cache-Control': { schema: { type: 'string', const: `public, max-age=${STATISTICS_TTL_MS / 1000}` } } }
const refused = { 400: problem(`Unknown groupBy, malformed month, from after to, or over ${STATISTICS_MAX_MONTHS} months (invalid-input)`), default: problem('Error') }

export const statisticsPaths = {
  '/api/statistics': {
    get: {
      operationId: 'getStatistics',
      ...PUBLIC_OPERATION,
      summary: 'Dossiers received, processed (early, on time, late) and in progress per agency, with ratings and the indices of TT 01/2018 Art. 13',
      description: `No session needed. Computed from every dossier's mirrored life, at most once a minute per query. Counting rules: shared/src/statistics/schema.ts.`,
      parameters,
      responses: { 200: { description: 'The figures', headers: cached, content: { 'application/json': { schema: ref('Statistics') } } }, ...refused },
    },
  },
  '/api/statistics.csv': {
    get: {
      operationId: 'getStatisticsCsv',
      ...PUBLIC_OPERATION,
      summary: 'The same figures as CSV (UTF-8 with BOM, a Vietnamese header row, one row per group)',
      parameters,
      responses: { 200: { description: 'A download', headers: cached, content: { 'text/csv': { schema: { type: 'string' } } } }, ...refused },
    },
  },
}
