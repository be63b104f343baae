/**
 * The inbox API (bff/src/notices/routes.ts) for the inbox view. Answers are checked by small type
 * guards, not by the valibot schemas of shared/notices: those would add their functions to the
 * valibot chunk the home route loads (docs/decisions/0009-outbox.md, the home route's budget).
 */
import type { Bilingual, Notice, NoticePage } from '@portal/shared/notices/schema'
import { api } from '../auth/api.ts'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isBilingual = (value: unknown): value is Bilingual => isObject(value) && isString(value.vi) && isString(value.en)

export function isNotice(value: unknown): value is Notice {
  if (!isObject(value)) return false
  const { list, action } = value
  return (
    isString(value.id) &&
    isString(value.dossierId) &&
    isString(value.dossierCode) &&
    isString(value.kind) &&
    isString(value.createdAt) &&
    (value.readAt === undefined || isString(value.readAt)) &&
    isBilingual(value.title) &&
    Array.isArray(value.lines) &&
    value.lines.every(isBilingual) &&
    (list === undefined || (isObject(list) && isBilingual(list.heading) && Array.isArray(list.items) && list.items.every(isString))) &&
    (action === undefined || (isObject(action) && isBilingual(action.label) && isString(action.path) && action.path.startsWith('/')))
  )
}

export class UnexpectedAnswer extends Error {
  override name = 'UnexpectedAnswer'
}

/** One page of my notices, newest first; `before` is the `next` of the page before. */
export async function fetchNotices(before?: string): Promise<NoticePage> {
  const page = await api<unknown>(`/api/notices${before ? `?before=${encodeURIComponent(before)}` : ''}`)
  if (!isObject(page) || !Array.isArray(page.notices) || !page.notices.every(isNotice) || !(page.next === undefined || isString(page.next))) {
    throw new UnexpectedAnswer('GET /api/notices')
  }
  return page as NoticePage
}

export async function markRead(id: string): Promise<Notice> {
  const notice = await api<unknown>(`/api/notices/${encodeURIComponent(id)}/read`, { method: 'POST' })
  if (!isNotice(notice)) throw new UnexpectedAnswer('POST /api/notices/{id}/read')
  return notice
}

/** Tells the header's badge (boot.ts) to ask the server again. */
export const UNREAD_CHANGED = 'portal:notices-read'
