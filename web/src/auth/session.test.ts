import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError } from './api.ts'
import { signInHref, useSessionStore } from './session.ts'

const USER = { sub: 'alice', name: 'Nguyễn Văn An', roles: [{ role: 'citizen' }], mfa: false, idleSeconds: 900, expiresAt: '2026-07-01T20:00:00Z' }
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe('session store', () => {
  it('takes the state from GET /api/session and keeps it on the device', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { authenticated: true, user: USER })))
    const session = useSessionStore()
    await session.refresh()
    expect(session.user?.name).toBe('Nguyễn Văn An')
    setActivePinia(createPinia())
    expect(useSessionStore().user?.sub).toBe('alice')
  })

  it('keeps the last known state offline, and forgets it when the server says signed out', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { authenticated: true, user: USER })))
    const session = useSessionStore()
    await session.refresh()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await session.refresh()
    expect(session.user?.sub).toBe('alice')
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { authenticated: false })))
    await session.refresh()
    expect(session.user).toBeNull()
    expect(localStorage.getItem('portal.session')).toBeNull()
  })

  it('signs in back to the current page', () => {
    expect(signInHref('/thu-tuc/1.001193?x=1')).toBe('/auth/login?next=%2Fthu-tuc%2F1.001193%3Fx%3D1')
  })
})

describe('api fetch', () => {
  it('sends the app header on every request and turns problems into ApiError', async () => {
    const fetch = vi.fn(async (_path: string, _init: RequestInit) => answer(403, { type: 'https://dichvucong.example/problems/forbidden', title: 'Không có quyền' }))
    vi.stubGlobal('fetch', fetch)
    const failure = await api('/api/admin/users', { method: 'POST', json: { a: 1 } }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 403, type: 'forbidden' })
    const headers = new Headers(fetch.mock.calls[0]?.[1].headers)
    expect(headers.get('X-Requested-With')).toBe('portal')
    expect(headers.get('Content-Type')).toBe('application/json')
  })
})
