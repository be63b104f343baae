import Dexie from 'dexie'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { upload, t } from '@portal/shared/forms/blocks'
import { openPortalDb, type PortalDb } from '../db.ts'
import { latestSupplement, ruleFor, saveNote, supplementFor } from './supplement.ts'

let db: PortalDb
let name: string
beforeEach(async () => {
  name = `supplement-${Math.random()}`
  db = await openPortalDb(name)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
})

const request = { requestedAt: '2026-11-27T10:00:00+07:00', items: [{ componentId: 'c6', description: 'Ảnh giấy chứng sinh rõ nét' }] }

it('keeps one draft per request, saves its note, and freezes it while queued', async () => {
  const first = await supplementFor(db, 'd1', 'alice', request, 1)
  const again = await supplementFor(db, 'd1', 'alice', request, 2)
  expect(again.id).toBe(first.id)
  expect(await saveNote(db, first.id, 'Đã chụp lại', 3)).toBe(true)
  expect(await db.supplements.get(first.id)).toMatchObject({ note: 'Đã chụp lại', updatedAt: 3, items: request.items })
  await db.supplements.update(first.id, { queuedAt: 4 })
  expect(await saveNote(db, first.id, 'khác', 5)).toBe(false)
  const later = await supplementFor(db, 'd1', 'alice', { ...request, requestedAt: '2026-12-01T10:00:00+07:00' }, 6)
  expect(later.id).not.toBe(first.id)
  expect((await latestSupplement(db, 'd1'))?.id).toBe(later.id)
})

it('attaches under the procedure’s own rule when the device has it, else under the item’s words', () => {
  const rules = new Map([['c6', upload('c6', t('Giấy chứng sinh', 'Birth certificate'), { maxFiles: 2 })]])
  expect(ruleFor('c6', 'x', rules)).toMatchObject({ id: 'c6', required: true, maxFiles: 2, label: { vi: 'Giấy chứng sinh' } })
  expect(ruleFor('c9', 'Bản sao sổ hộ khẩu', rules)).toMatchObject({ id: 'c9', required: true, label: { vi: 'Bản sao sổ hộ khẩu' } })
})
