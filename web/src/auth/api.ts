/**
 * The app's fetch for its own API: JSON, and the `X-Requested-With` header that every write
 * must carry (the BFF refuses a state-changing request without it: a cross-site form cannot
 * send it). Problems come back as `ApiError` with the problem's type and status.
 *
 * @example const me = await api<Profile>('/api/me')
 * @example await api('/api/me/sessions/' + id, { method: 'DELETE' })
 */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
  }
}

export async function api<T = unknown>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init
  const headers = new Headers(rest.headers)
  headers.set('Accept', 'application/json')
  headers.set('X-Requested-With', 'portal')
  if (json !== undefined) headers.set('Content-Type', 'application/json')
  const res = await fetch(path, { ...rest, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { type?: string; title?: string; detail?: string }
    throw new ApiError(res.status, problem.type?.split('/').pop() ?? 'http-error', problem.detail ?? problem.title ?? res.statusText)
  }
  return (res.status === 204 ? undefined : await res.json()) as T
}
