import Dexie from 'dexie'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { DossierView } from '@portal/shared/dossiers/schema'
import { openPortalDb, type PortalDb } from '../db.ts'
import { cursorKey, pullChanges } from './changes.ts'
import { listDossiers } from './store.ts'

let db: PortalDb
let name: string
beforeEach(async () => {
  name = `changes-${Math.random()}`
  db = await openPortalDb(name)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
})

const view = (n: number, status: DossierView['status'], seq: number): DossierView => {
  const id = `00000000-0000-4000-8000-00000000000${n}`
  const code = `000.00.31.H55-261127-000${n}`
  const at = `2026-11-27T0${n}:00:00+07:00`
  return {
    id,
    code,
    procedureCode: '1.001193',
    status,
    submittedAt: at,
    updatedAt: at,
    seq,
    receipt: { id, code, procedure: { code: '1.001193', name: 'Đăng ký khai sinh' }, agency: { code: '000.00.31.H55', name: 'UBND' }, applicant: { name: 'An' }, receivedAt: at, components: [], resultDelivery: { method: 'online' } },
    history: [{ status, at }],
  }
}

it('pulls page after page from the stored cursor and keeps the newest state of each dossier', async () => {
  const asked: string[] = []
  const pages: Record<string, unknown> = {
    '0': { cursor: 2, dossiers: [view(1, 'registered', 1), view(2, 'registered', 2)], more: true },
    '2': { cursor: 3, dossiers: [view(1, 'accepted', 3)], more: false },
    '3': { cursor: 3, dossiers: [] },
  }
  const fetch: typeof globalThis.fetch = async (input) => {
    const cursor = new URL(String(input)).searchParams.get('cursor')!
    asked.push(cursor)
    return new Response(JSON.stringify(pages[cursor]), { status: 200 })
  }
  expect(await pullChanges(db, 'alice', fetch, 'http://portal.test')).toBe(3)
  expect(asked).toEqual(['0', '2'])
  expect((await db.meta.get(cursorKey('alice')))?.value).toBe(3)
  const list = await listDossiers(db, 'alice')
  expect(list.map((d) => [d.code, d.status])).toEqual([
    ['000.00.31.H55-261127-0002', 'registered'],
    ['000.00.31.H55-261127-0001', 'accepted'],
  ])
  expect(await listDossiers(db, 'bob')).toEqual([])
  expect(await pullChanges(db, 'alice', fetch, 'http://portal.test')).toBe(0)
  expect(asked).toEqual(['0', '2', '3'])
})

it('joins a pull already running for the same person rather than fetching the same pages twice', async () => {
  let asked = 0
  const fetch: typeof globalThis.fetch = async () => {
    asked++
    await new Promise((resolve) => setTimeout(resolve, 20))
    return new Response(JSON.stringify({ cursor: 1, dossiers: [view(1, 'registered', 1)] }), { status: 200 })
  }
  const [a, b] = await Promise.all([pullChanges(db, 'alice', fetch, 'http://portal.test'), pullChanges(db, 'alice', fetch, 'http://portal.test')])
  expect([a, b, asked]).toEqual([1, 1, 1])
})
