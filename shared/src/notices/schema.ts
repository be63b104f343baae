/**
 * What the BFF tells an applicant about their dossier (issue 6, notices), as the inbox API
 * answers it and the app shows it. A notice is composed once, on the server, in both languages
 * of the portal (Vietnamese first): the app shows the language chosen, the e-mail carries both.
 * Lists (items of a supplement request, reasons of a refusal) are the officer's own words, in
 * Vietnamese only.
 *
 *   GET  /api/notices?before=N          NoticePage: own notices, newest first, pages of 20
 *   GET  /api/notices/unread-count      UnreadCount
 *   POST /api/notices/{id}/read         Notice (marked read; the first time it was read is kept)
 */
import * as v from 'valibot'
import { DossierIdSchema, DossierStatusSchema } from '../dossiers/schema.ts'

export const BilingualSchema = v.object({ vi: v.string(), en: v.string() })

/** Why the applicant is told: a status the dossier reached, or the late apology (Mẫu 04). */
export const NOTICE_KINDS = [
  'received',
  'supplementReceived',
  'refused',
  'supplementRequested',
  'processing',
  'financialObligation',
  'late',
  'processed',
  'returned',
  'withdrawn',
  'stopped',
] as const
export const NoticeKindSchema = v.picklist(NOTICE_KINDS)

export const NoticeContentSchema = v.object({
  title: BilingualSchema,
  /** Paragraphs in order: what happened, then what to do. */
  lines: v.array(BilingualSchema),
  /** Items of a supplement request or reasons of a refusal, as the officer wrote them. */
  list: v.optional(v.object({ heading: BilingualSchema, items: v.array(v.string()) })),
  /** Where to act in the app: a path of the portal (`/ho-so/da-nop/<dossier id>`). */
  action: v.optional(v.object({ label: BilingualSchema, path: v.string() })),
})

export const NoticeSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  dossierId: DossierIdSchema,
  dossierCode: v.string(),
  kind: NoticeKindSchema,
  /** The dossier's status after the change the notice is about. */
  status: DossierStatusSchema,
  ...NoticeContentSchema.entries,
  /** ISO 8601 (UTC). */
  createdAt: v.string(),
  readAt: v.optional(v.string()),
})

export const NoticePageSchema = v.object({
  notices: v.array(NoticeSchema),
  /** Pass it as `?before=` for the next (older) page; absent on the last page. */
  next: v.optional(v.string()),
})

export const UnreadCountSchema = v.object({ unread: v.pipe(v.number(), v.integer(), v.minValue(0)) })

export type Bilingual = v.InferOutput<typeof BilingualSchema>
export type NoticeKind = v.InferOutput<typeof NoticeKindSchema>
export type NoticeContent = v.InferOutput<typeof NoticeContentSchema>
export type Notice = v.InferOutput<typeof NoticeSchema>
export type NoticePage = v.InferOutput<typeof NoticePageSchema>
export type UnreadCount = v.InferOutput<typeof UnreadCountSchema>
