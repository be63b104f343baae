/**
 * Tries other people's ids (IDOR): each request is made as `intruder` against a resource of
 * `owner`; any answer but 403 or 404 is returned as a leak, and so is a 2xx. Use it for every
 * route that takes an id:
 *
 *   const leaks = await tryOthersIds(t.app, intruder, [
 *     { method: 'GET', path: `/api/dossiers/${aliceDossier}` },
 *     { method: 'DELETE', path: `/api/me/sessions/${alice.sessionId}` },
 *   ])
 *   expect(leaks).toEqual([])
 *
 * and check afterwards that the owner's resource is unchanged.
 */
import type { Hono } from 'hono'
import type { TestPerson } from './sessions.ts'

export interface IdorProbe {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  body?: unknown
}

export async function tryOthersIds(app: Hono, intruder: TestPerson, probes: readonly IdorProbe[]): Promise<string[]> {
  const leaks: string[] = []
  for (const probe of probes) {
    const res = await app.request(probe.path, {
      method: probe.method,
      headers: intruder.headers,
      ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
    })
    if (res.status !== 403 && res.status !== 404) leaks.push(`${probe.method} ${probe.path} as ${intruder.sub} → ${res.status}`)
  }
  return leaks
}
