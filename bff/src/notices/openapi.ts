/**
 * The OpenAPI part of the notices: the inbox routes, with their schemas from the shared valibot
 * contract (shared/src/notices/schema.ts).
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import { NoticePageSchema, NoticeSchema, UnreadCountSchema } from '@portal/shared/notices/schema'
import { APP_HEADER } from '../auth/middleware.ts'
import { NOTICES_PAGE } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (type unauthenticated): checked before anything else'),
  403: problem(`Missing ${APP_HEADER} on a write (csrf-header-missing), or a foreign Origin`),
}

export const noticeSchemas = toJsonSchemaDefs(
  { Notice: NoticeSchema, NoticePage: NoticePageSchema, UnreadCount: UnreadCountSchema },
  { target: 'draft-2020-12', errorMode: 'ignore', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
)

export const noticePaths = {
  '/api/notices': {
    get: {
      operationId: 'getNotices',
      summary: 'My notices, newest first',
      description:
        'What the portal told me about my dossiers (received, refused, supplement, late, result…), each in Vietnamese and English with what to do. ' +
        `Pages of ${NOTICES_PAGE}: pass \`next\` as \`before\` for older ones.`,
      security: session,
      parameters: [{ name: 'before', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' }, description: 'The `next` of the previous page.' }],
      responses: { 200: json('A page of notices', ref('NoticePage')), 400: problem('Malformed before (invalid-input)'), ...denied },
    },
  },
  '/api/notices/unread-count': {
    get: {
      operationId: 'getUnreadNoticeCount',
      summary: 'How many of my notices are unread (the badge)',
      security: session,
      responses: { 200: json('The count', ref('UnreadCount')), ...denied },
    },
  },
  '/api/notices/{id}/read': {
    post: {
      operationId: 'markNoticeRead',
      summary: 'Mark one of my notices read (again: no change)',
      security: session,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: APP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'CSRF: any value (the app sends portal).' },
      ],
      responses: { 200: json('The notice, with readAt', ref('Notice')), 400: problem('Malformed id'), 404: problem('No such notice of mine'), ...denied },
    },
  },
}
