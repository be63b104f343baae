import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PageSizes, PDFDocument } from 'pdf-lib'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { signedIn } from '../auth/testing/sessions.ts'
import { testApp } from '../testing/app.ts'
import { addresses } from './addresses.ts'
import { pdfText } from './pdf-text.test-support.ts'
import { renderReceiptPdf } from './receipt-pdf.ts'
import { fileBytes, intakeCatalog, post, provinceSubmission, ref, upload } from './testing.ts'

const sample = (over: Partial<DossierReceipt> = {}): DossierReceipt => ({
  id: randomUUID(),
  code: '000.01.01.H55-260702-0042',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  agency: { code: '000.01.01.H55', name: 'UBND phường Phan Đình Phùng' },
  // Decomposed (NFD) on purpose: drawn composed.
  applicant: { name: 'Nguyễn Thị Bích Ngọc'.normalize('NFD'), identityNumber: '019192007351' },
  receivedAt: '2026-07-02T09:15:00+07:00',
  components: [
    { componentId: 'c6', label: 'Giấy chứng sinh', files: [{ name: 'giay-chung-sinh.jpg', sha256: 'a'.repeat(64), size: 812_345 }] },
    { componentId: 'c2', label: 'Văn bản ủy quyền', files: [{ name: 'uy-quyen.pdf', sha256: 'b'.repeat(64), size: 2_400_000 }] },
  ],
  resultDelivery: { method: 'post', address: { provinceCode: '19', communeCode: '05440', street: 'Số 12 đường Hoàng Văn Thụ' } },
  ...over,
})

describe('receipt PDF', () => {
  it('is one A5 page with the title, the code (text, QR, metadata), applicant, procedure, agency, files with SHA-256, time and delivery', async () => {
    const receipt = sample()
    const bytes = await renderReceiptPdf(receipt, { addresses: addresses() })
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect([width, height]).toEqual(PageSizes.A5)
    expect(doc.getSubject()).toBe(receipt.code)
    expect(doc.getTitle()).toContain(receipt.code)

    const text = await pdfText(bytes)
    expect(text).toContain('GIẤY XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN')
    expect(text).toContain('Acknowledgement of online submission')
    expect(text).toContain(receipt.code)
    expect(text).toContain('Nguyễn Thị Bích Ngọc'.normalize('NFC'))
    expect(text).toContain('Đăng ký khai sinh (mã 1.001193)')
    expect(text).toContain('UBND phường Phan Đình Phùng')
    expect(text).toContain('09:15 ngày 02/07/2026')
    expect(text).toContain(`SHA-256 ${'a'.repeat(12)}…${'a'.repeat(6)}`)
    expect(text).toContain('b'.repeat(64))
    expect(text).toContain('Số 12 đường Hoàng Văn Thụ')
  })

  it('flows onto more pages when the list of files is long, losing none', async () => {
    const files = Array.from({ length: 20 }, (_, i) => ({ name: `trang-${i + 1}.jpg`, sha256: i.toString(16).padStart(64, '0'), size: 100_000 }))
    const receipt = sample({ components: [{ componentId: 'c1', label: 'Bản vẽ thiết kế', files }, { componentId: 'c2', label: 'Khác', files }] })
    const bytes = await renderReceiptPdf(receipt, { addresses: addresses() })
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1)
    const text = await pdfText(bytes)
    expect(text.match(/trang-20\.jpg/g)).toHaveLength(2)
  })
})

describe('GET /api/dossiers/{id}/receipt.pdf', () => {
  let t: ReturnType<typeof testApp>
  beforeEach(() => {
    t = testApp({ catalog: intakeCatalog() })
  })
  afterEach(() => t.cleanup())

  it('serves the receipt of my dossier as a PDF', async () => {
    const alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An' } })
    const bytes = fileBytes('image/jpeg', 2000)
    expect((await upload(t.app, alice, bytes)).res.status).toBe(204)
    const submission = provinceSubmission([ref(bytes)])
    const receipt = (await (await post(t.app, alice, submission)).json()) as DossierReceipt
    const res = await t.app.request(`/api/dossiers/${submission.id}/receipt.pdf`, { headers: alice.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const pdf = new Uint8Array(await res.arrayBuffer())
    expect((await PDFDocument.load(pdf)).getSubject()).toBe(receipt.code)
    expect(await pdfText(pdf)).toContain(receipt.code)
  })
})
