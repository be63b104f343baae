/**
 * The OpenAPI part of authentication: the cookie security scheme, the session and admin
 * operations, and their schemas. Every protected operation lists `security: [{ sessionCookie: [] }]`
 * and the 401/403 answers; public ones say `security: []`. Built from the same valibot schemas.
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { AssignmentInputSchema } from '../accounts/roles.ts'
import { SESSION_COOKIE } from './cookies.ts'
import { APP_HEADER } from './middleware.ts'
import { ProfileSchema, RoleSchema, SessionStateSchema } from './profile.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } })

const SessionSummarySchema = v.object({ id: v.string(), device: v.string(), createdAt: v.string(), lastSeenAt: v.string(), current: v.boolean() })

export const authSchemas = toJsonSchemaDefs(
  {
    SessionState: SessionStateSchema,
    Profile: ProfileSchema,
    Role: RoleSchema,
    SessionSummary: SessionSummarySchema,
    SessionList: v.object({ sessions: v.array(SessionSummarySchema) }),
    AssignmentInput: AssignmentInputSchema,
  },
  { target: 'draft-2020-12', overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
)

export const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Opaque session cookie set by GET /auth/callback after sign-in. Writes also need the header ${APP_HEADER} (CSRF).`,
  },
  relaySignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Relay-Signature',
    description: 'HMAC-SHA256 of the timestamp and body with RELAY_CALLBACK_SECRET: a province’s status callbacks only.',
  },
}

/** Operations anyone may call (public data; the look-up answers more to a signed-in owner, as its text says). */
export const PUBLIC_OPERATION: { security: Record<string, string[]>[] } = { security: [] }

const session = [{ sessionCookie: [] }]
const denied = {
  401: problem('No session (type unauthenticated)'),
  403: problem('Not allowed: role, agency, second factor (mfa-required) or missing X-Requested-With (csrf-header-missing)'),
}
const uuidParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })
const numberParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } })

export const authPaths = {
  '/api/session': {
    get: {
      operationId: 'getSession',
      summary: 'Whether this browser has a session, and who (the app shell asks this)',
      security: [],
      responses: { 200: json('Always 200', ref('SessionState')) },
    },
  },
  '/api/me': {
    get: { operationId: 'getMe', summary: 'The profile from the provider’s claims, and the portal roles', security: session, responses: { 200: json('Profile', ref('Profile')), ...denied } },
  },
  '/api/me/sessions': {
    get: { operationId: 'listMySessions', summary: 'My live sessions', security: session, responses: { 200: json('Sessions', ref('SessionList')), ...denied } },
  },
  '/api/me/sessions/{id}': {
    delete: {
      operationId: 'revokeMySession',
      summary: 'End one of my sessions',
      security: session,
      parameters: [uuidParam('id')],
      responses: { 204: { description: 'Ended' }, 400: problem('Malformed id'), 404: problem('Not one of my sessions'), ...denied },
    },
  },
  '/api/admin/users': {
    get: { operationId: 'listUsers', summary: 'Users with their roles (administrators)', security: session, responses: { 200: json('Users', { type: 'object' }), ...denied } },
  },
  '/api/admin/users/{id}/roles': {
    post: {
      operationId: 'grantRole',
      summary: 'Grant a role (administrators)',
      security: session,
      parameters: [numberParam('id')],
      requestBody: { required: true, content: { 'application/json': { schema: ref('AssignmentInput') } } },
      responses: { 201: json('The assignment', ref('Role')), 400: problem('Invalid role or unknown agency'), 404: problem('No such user'), ...denied },
    },
  },
  '/api/admin/users/{id}/roles/{roleId}': {
    delete: {
      operationId: 'revokeRole',
      summary: 'Revoke a role (administrators)',
      security: session,
      parameters: [numberParam('id'), numberParam('roleId')],
      responses: { 204: { description: 'Revoked' }, 404: problem('No such user or role'), 409: problem('Own administrator role'), ...denied },
    },
  },
  '/api/admin/users/{id}/unlock': {
    post: {
      operationId: 'unlockAccount',
      summary: 'Lift a sign-in lock at the embedded provider (administrators)',
      security: session,
      parameters: [numberParam('id')],
      responses: { 200: json('Whether it was locked', { type: 'object', properties: { unlocked: { type: 'boolean' } } }), 404: problem('No such user, or an outside provider'), ...denied },
    },
  },
  '/api/officer/agencies/{code}': {
    get: {
      operationId: 'getOfficerAgency',
      summary: 'An agency and my duties there (officers of that agency)',
      security: session,
      parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: json('Agency and duties', { type: 'object' }), 404: problem('No such agency'), ...denied },
    },
  },
}
