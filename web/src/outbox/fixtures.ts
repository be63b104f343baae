/** Test fixtures of the outbox: a small dossier definition and a ready draft with two photos. */
import { t, upload } from '@portal/shared/forms/blocks'
import type { DossierDefinition } from '@portal/shared/forms/definition'
import type { DraftRow, PortalDb } from '../db.ts'
import { queueSubmission, type Account } from './queue.ts'
import { fileRow } from './testing.ts'

export const definition: DossierDefinition = {
  procedureCode: '1.001193',
  form: {
    id: 'test',
    title: t('Tờ khai', 'Form'),
    version: 1,
    sections: [
      {
        id: 's',
        title: t('Phần', 'Section'),
        fields: [
          { id: 'childName', kind: 'text', label: t('Tên', 'Name'), required: true },
          { id: 'hasNote', kind: 'radio', label: t('Ghi chú', 'Note'), options: [{ value: 'yes', label: t('Có', 'Yes') }, { value: 'no', label: t('Không', 'No') }] },
          { id: 'note', kind: 'text', label: t('Nội dung', 'Text'), showWhen: { field: 'hasNote', equals: 'yes' } },
        ],
      },
    ],
  },
  components: [upload('c6', t('Giấy chứng sinh', 'Birth certificate'), { required: true })],
}

export const ALICE: Account = { sub: 'alice', name: 'Nguyễn Văn An' }
export const BOB: Account = { sub: 'bob', name: 'Trần Thị Bích' }

/** A ready draft with two photos (the second over one 1 MB tus chunk), queued by `account`; returns the dossier id. */
export async function queuedDraft(db: PortalDb, account = ALICE, now = 1_000): Promise<string> {
  const id = crypto.randomUUID()
  const draft: DraftRow = {
    id,
    procedureCode: '1.001193',
    title: 'Khai sinh',
    status: 'ready',
    values: { childName: `Bình ${id.slice(0, 4)}`, hasNote: 'no', note: 'hidden, not sent' },
    fieldTimes: {},
    formVersion: 1,
    createdAt: 1,
    updatedAt: 1,
    ownerSub: account.sub,
  }
  await db.drafts.add(draft)
  await db.files.bulkAdd([fileRow(id, 'c6', 'photo-1.jpg', `one ${id}`, 1), fileRow(id, 'c6', 'photo-2.jpg', `two ${id}`.repeat(30_000), 2)])
  await queueSubmission(db, id, definition, { resultDelivery: { method: 'at-agency' } }, account, now)
  return id
}
