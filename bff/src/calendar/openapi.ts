/** The OpenAPI part of the holiday table's admin API, with schemas from the shared contract (shared/src/calendar/schema.ts). */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { HolidayChangeSchema, HolidayConfirmSchema, HolidayInputSchema, HolidayPeriodSchema } from '@portal/shared/calendar/schema'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } })

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (type unauthenticated)'),
  403: problem('Not an administrator, no second factor (mfa-required), or missing X-Requested-With (csrf-header-missing)'),
}
const dateParam = { name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' }, description: 'yyyy-mm-dd' }
const day = json('The day', ref('HolidayDay'))

export const calendarSchemas = (() => {
  const defs = toJsonSchemaDefs(
    { HolidayInput: HolidayInputSchema, HolidayChange: HolidayChangeSchema, HolidayConfirm: HolidayConfirmSchema, HolidayPeriod: HolidayPeriodSchema },
    { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  )
  const dayProperties = {
    date: { type: 'string', format: 'date' },
    off: { type: 'boolean' },
    name: { type: 'string' },
    source: { type: 'string' },
    provisional: { type: 'boolean', const: true },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string', description: 'sub of the administrator, or seed' },
  }
  return {
    ...defs,
    HolidayDay: { type: 'object', properties: dayProperties, required: ['date', 'off', 'name', 'source', 'updatedAt', 'updatedBy'] },
    HolidayTableView: {
      type: 'object',
      properties: {
        from: { type: 'string', format: 'date' },
        until: { type: 'string', format: 'date' },
        revision: { type: 'integer', description: 'Moves with every change.' },
        days: { type: 'array', items: ref('HolidayDay') },
      },
      required: ['from', 'until', 'revision', 'days'],
    },
  }
})()

export const calendarPaths = {
  '/api/admin/holidays': {
    get: { operationId: 'listHolidays', summary: 'The holiday table (administrators)', security: session, responses: { 200: json('The table', ref('HolidayTableView')), ...denied } },
    post: {
      operationId: 'addHoliday',
      summary: 'Add a day off or a worked weekend day (administrators)',
      security: session,
      requestBody: body('HolidayInput'),
      responses: { 201: day, 400: problem('Invalid input (type invalid-input)'), 409: problem('The date is in the table (type holiday-exists)'), ...denied },
    },
  },
  '/api/admin/holidays/period': {
    put: {
      operationId: 'setHolidayPeriod',
      summary: 'The period the table speaks for; due dates past it are flagged (administrators)',
      security: session,
      requestBody: body('HolidayPeriod'),
      responses: { 200: json('The period', ref('HolidayPeriod')), 400: problem('Invalid dates, or from after until'), ...denied },
    },
  },
  '/api/admin/holidays/{date}': {
    patch: {
      operationId: 'changeHoliday',
      summary: 'Change a day (administrators)',
      security: session,
      parameters: [dateParam],
      requestBody: body('HolidayChange'),
      responses: { 200: day, 400: problem('Invalid date or input'), 404: problem('The date is not in the table'), ...denied },
    },
    delete: {
      operationId: 'removeHoliday',
      summary: 'Remove a day (administrators)',
      security: session,
      parameters: [dateParam],
      responses: { 204: { description: 'Removed' }, 400: problem('Invalid date'), 404: problem('The date is not in the table'), ...denied },
    },
  },
  '/api/admin/holidays/{date}/confirm': {
    post: {
      operationId: 'confirmHoliday',
      summary: 'Confirm a provisional day, optionally with the official text (administrators)',
      security: session,
      parameters: [dateParam],
      requestBody: { required: false, content: { 'application/json': { schema: ref('HolidayConfirm') } } },
      responses: { 200: day, 400: problem('Invalid date or input'), 404: problem('The date is not in the table'), 409: problem('Not provisional (type holiday-not-provisional)'), ...denied },
    },
  },
}
