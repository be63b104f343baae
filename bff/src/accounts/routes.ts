/**
 * Administration of portal roles (administrators only, in a session with a second factor) and
 * the officer's view of one agency (officers of that agency only).
 *
 *   GET    /api/admin/users                          users, their roles, whether locked
 *   POST   /api/admin/users/{id}/roles               grant { role, duty?, agencyCode? }
 *   DELETE /api/admin/users/{id}/roles/{roleId}      revoke
 *   POST   /api/admin/users/{id}/unlock              lift a lock at the embedded provider
 *   GET    /api/officer/agencies/{code}              the agency and the caller's duties there
 *
 * Every change is in the audit log (unlocks through the provider's `account.unlocked` event,
 * which names the administrator).
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AuditLog } from '../audit/log.ts'
import { requireRole, sessionOf } from '../auth/access.ts'
import type { CatalogStore } from '../catalog/store.ts'
import { HttpError, invalidInput, notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Clock } from '../clock.ts'
import type { Accounts } from './repository.ts'
import { AssignmentInputSchema } from './roles.ts'

/** What the portal can ask of the embedded provider; absent with an outside provider. */
export interface ProviderAccounts {
  lockedSubs(): Set<string>
  /** @returns false when the account was not locked */
  unlock(sub: string, by: string): boolean
}

const id = v.pipe(v.string(), v.regex(/^\d{1,12}$/, 'must be a number'), v.transform(Number))
export const UserParamSchema = v.object({ id })
export const RoleParamSchema = v.object({ id, roleId: id })
export const AgencyParamSchema = v.object({ code: v.pipe(v.string(), v.maxLength(40)) })

export interface AccountRoutesDeps {
  accounts: Accounts
  audit: AuditLog
  store: CatalogStore
  clock: Clock
  /** Called after a role is granted or revoked: sessions must not keep serving the old roles. */
  onRolesChanged: () => void
  provider?: ProviderAccounts
}

export function accountRoutes({ accounts, audit, store, clock, onRolesChanged, provider }: AccountRoutesDeps) {
  const app = new Hono()
  const admin = requireRole('administrator')
  const userOr404 = (userId: number) => {
    const user = accounts.byId(userId)
    if (!user) throw notFound('Không có người dùng này.')
    return user
  }

  app.get('/api/admin/users', admin, (c) => {
    const locked = provider?.lockedSubs() ?? new Set<string>()
    const users = accounts.list().map((u) => ({
      id: u.id,
      sub: u.sub,
      name: typeof u.profile?.name === 'string' ? u.profile.name : null,
      lastSignInAt: u.lastSignInAt,
      roles: u.assignments,
      locked: locked.has(u.sub),
    }))
    c.header('Cache-Control', 'no-store')
    return c.json({ users, canUnlock: provider !== undefined })
  })

  app.post('/api/admin/users/:id/roles', admin, validate('param', UserParamSchema), validate('json', AssignmentInputSchema), (c) => {
    const session = sessionOf(c)
    const user = userOr404(c.req.valid('param').id)
    const input = c.req.valid('json')
    if (input.role === 'officer' && !store.snapshot().agencies.agencies.some((a) => a.code === input.agencyCode)) {
      throw invalidInput([{ path: 'agencyCode', message: 'not an agency of the directory' }], `Không có cơ quan mã ${input.agencyCode}.`)
    }
    const assignment = accounts.grant(user.id, input, session.sub, clock.now())
    onRolesChanged()
    audit.record({ actor: session.sub, action: 'role.granted', target: user.sub, details: { ...assignment } })
    return c.json(assignment, 201)
  })

  app.delete('/api/admin/users/:id/roles/:roleId', admin, validate('param', RoleParamSchema), (c) => {
    const session = sessionOf(c)
    const { id: userId, roleId } = c.req.valid('param')
    const user = userOr404(userId)
    const target = accounts.assignments(user.id).find((a) => a.id === roleId)
    if (!target) throw notFound('Người dùng không có vai trò này.')
    if (target.role === 'administrator' && user.id === session.userId) {
      throw new HttpError(409, 'own-administrator-role', 'Không thể tự bỏ quyền quản trị', 'Một quản trị viên khác phải làm việc này.')
    }
    accounts.revoke(user.id, roleId)
    onRolesChanged()
    audit.record({ actor: session.sub, action: 'role.revoked', target: user.sub, details: { ...target } })
    return c.body(null, 204)
  })

  app.post('/api/admin/users/:id/unlock', admin, validate('param', UserParamSchema), (c) => {
    const user = userOr404(c.req.valid('param').id)
    if (!provider) throw notFound('Hệ thống xác thực bên ngoài: mở khóa tài khoản tại đó.')
    return c.json({ unlocked: provider.unlock(user.sub, sessionOf(c).sub) })
  })

  app.get('/api/officer/agencies/:code', requireRole('officer', { agency: (c) => c.req.param('code') }), validate('param', AgencyParamSchema), (c) => {
    const session = sessionOf(c)
    const { code } = c.req.valid('param')
    const agency = store.snapshot().agencies.agencies.find((a) => a.code === code)
    if (!agency) throw notFound()
    const duties = session.assignments.flatMap((a) => (a.role === 'officer' && a.agencyCode === code ? [a.duty] : []))
    c.header('Cache-Control', 'no-store')
    return c.json({ agency: { code: agency.code, name: agency.name }, duties })
  })

  return app
}
