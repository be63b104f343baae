/**
 * The agency directory's admin API (administrators only, in a session with a second factor):
 *
 *   GET    /api/admin/agencies                     every entry (units, deactivated ones), what names each
 *   POST   /api/admin/agencies                     add an agency or a unit
 *   PATCH  /api/admin/agencies/{code}              rename, move under another parent, other facts
 *   POST   /api/admin/agencies/{code}/deactivate   out of the public directory, kept for what names it
 *   POST   /api/admin/agencies/{code}/reactivate
 *   DELETE /api/admin/agencies/{code}              only an entry nothing names
 *
 * Each change is a new catalogue version (devices pick it up at their next sync) and an audit
 * entry (editor.ts); the rules are in edits.ts.
 */
import { Hono } from 'hono'
import { AgencyChangeSchema, AgencyCodeParamSchema, AgencyInputSchema } from '@portal/shared/catalog/directory'
import { requireRole, sessionOf } from '../../auth/access.ts'
import { validate } from '../../http/validate.ts'
import type { DirectoryEditor } from './editor.ts'

export function directoryRoutes(editor: DirectoryEditor) {
  const app = new Hono()
  const admin = requireRole('administrator')
  const code = validate('param', AgencyCodeParamSchema)

  app.get('/api/admin/agencies', admin, (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(editor.view())
  })

  app.post('/api/admin/agencies', admin, validate('json', AgencyInputSchema), (c) => c.json(editor.add(c.req.valid('json'), sessionOf(c).sub), 201))

  app.patch('/api/admin/agencies/:code', admin, code, validate('json', AgencyChangeSchema), (c) =>
    c.json(editor.change(c.req.valid('param').code, c.req.valid('json'), sessionOf(c).sub)),
  )

  app.post('/api/admin/agencies/:code/deactivate', admin, code, (c) => c.json(editor.deactivate(c.req.valid('param').code, sessionOf(c).sub)))

  app.post('/api/admin/agencies/:code/reactivate', admin, code, (c) => c.json(editor.reactivate(c.req.valid('param').code, sessionOf(c).sub)))

  app.delete('/api/admin/agencies/:code', admin, code, (c) => {
    editor.remove(c.req.valid('param').code, sessionOf(c).sub)
    return c.body(null, 204)
  })

  return app
}
