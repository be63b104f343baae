/** Outbox journeys: a ready birth-registration draft on the device, as the app keeps one. */
import type { Page } from 'playwright-core'
import { makeJpeg, readStoredDraft } from './drafts.ts'
import { storedRow } from './idb.ts'

/** A date `days` before today, as the forms store dates (ISO). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

/** Every answer of the khai sinh form (1.001193) that intake checks, for the demo citizen. */
export const birthAnswers = () => ({
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '019085004127',
  applicantBirthDate: '1985-03-14',
  applicantResidence: { provinceCode: '19', communeCode: '05443', street: 'Số 12 đường Hoàng Văn Thụ, tổ 5' },
  applicantPhone: '0912345678',
  applicantRelation: 'father',
  childName: 'Nguyễn Thị Bình',
  childBirthDate: daysAgo(20),
  birthPlace: 'Bệnh viện A Thái Nguyên',
  childSex: 'female',
  childEthnicity: '01',
  childNationality: 'VN',
  hometown: 'Thái Nguyên',
  birthCase: 'normal',
  parentsKnown: 'none',
  commitment: true,
})

/**
 * Writes a filled draft into the app's database (the answers' own journey is drafts-durability's),
 * attaches two photos through the attachments step (processed and hashed by the app), and marks
 * it ready on the check step. Returns its id; the page is left on the check step.
 */
export async function readyBirthDraft(page: Page, baseUrl: string, ownerSub?: string): Promise<string> {
  const id = await page.evaluate(
    async ({ values, ownerSub }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('portal')
        open.onsuccess = () => ok(open.result)
        open.onerror = () => fail(open.error)
      })
      const id = crypto.randomUUID()
      const now = Date.now()
      const fieldTimes = Object.fromEntries(Object.keys(values).map((k) => [k, now]))
      const row = { id, procedureCode: '1.001193', title: 'Khai sinh cho Bình', status: 'editing', values, fieldTimes, formVersion: 1, createdAt: now, updatedAt: now, ...(ownerSub ? { ownerSub } : {}) }
      await new Promise((ok, fail) => {
        const tx = db.transaction('drafts', 'readwrite')
        tx.objectStore('drafts').put(row)
        tx.oncomplete = ok
        tx.onerror = () => fail(tx.error)
      })
      db.close()
      return id
    },
    { values: birthAnswers(), ownerSub },
  )
  await page.goto(`${baseUrl}/ho-so/${id}/dinh-kem`)
  const photos = await Promise.all([1, 2].map(async (n) => ({ name: `giay-chung-sinh-${n}.jpg`, mimeType: 'image/jpeg', buffer: await makeJpeg(page, n) })))
  await page.locator('section', { has: page.locator('#attach-c6-title') }).locator('input[type=file]:not([capture])').setInputFiles(photos)
  for (let i = 0; i < 300 && (await readStoredDraft(page, id))?.files.length !== 2; i++) await page.waitForTimeout(100)
  await page.goto(`${baseUrl}/ho-so/${id}/kiem-tra`)
  await page.getByRole('button', { name: 'Đánh dấu sẵn sàng nộp' }).click()
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).waitFor()
  return id
}

/** The outbox item of a dossier as stored. */
export function readOutboxItem(page: Page, id: string): Promise<{ state: string; waiting?: string; accountSub: string } | undefined> {
  return storedRow(page, 'outbox', id)
}
