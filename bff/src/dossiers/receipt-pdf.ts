/**
 * The acknowledgement of online submission (Giấy xác nhận nộp hồ sơ trực tuyến) as an A5 PDF,
 * for screen and print (domain.md §3: the forms of NĐ 61/2018 are A5), with the house PDF pieces
 * (../pdf/document.ts: Be Vietnam Pro, NFC text, wrapping, the QR code). The dossier code is
 * printed as text and as a QR code; it is also the document's Subject, and in its Title, so
 * tools can find it.
 *
 * Files are listed with a shortened SHA-256 for the eye and the full one beneath in small type:
 * the applicant can prove which bytes were received.
 */
import { PageSizes } from 'pdf-lib'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { formatAddress, type AddressDataset } from '@portal/shared/forms/address'
import { createPdf, drawQr, Flow, MUTED, type TextOptions } from '../pdf/document.ts'
import { vietnamReadable } from './codes.ts'

const MARGIN = 34

function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…${sha256.slice(-6)}`
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

export interface ReceiptPdfOptions {
  addresses: AddressDataset
  /** Labels of the components by id (the receipt has them; kept for older receipts). */
  portalName?: string
}

export function deliveryText(receipt: DossierReceipt, addresses: AddressDataset): string {
  const d = receipt.resultDelivery
  if (d.method === 'at-agency') return `Nhận trực tiếp tại ${receipt.agency.name} (in person at the agency)`
  if (d.method === 'online') return 'Nhận kết quả điện tử trên Cổng Dịch vụ công (online, on the portal)'
  return `Qua dịch vụ bưu chính đến địa chỉ (by post to): ${formatAddress(d.address, addresses)}`
}

export async function renderReceiptPdf(receipt: DossierReceipt, { addresses, portalName = 'Cổng Dịch vụ công tỉnh Thái Nguyên' }: ReceiptPdfOptions): Promise<Uint8Array> {
  const { doc, fonts } = await createPdf({
    title: `Giấy xác nhận nộp hồ sơ trực tuyến ${receipt.code}`,
    subject: receipt.code,
    keywords: [receipt.code, receipt.procedure.code, receipt.agency.code],
    author: portalName,
    date: new Date(receipt.receivedAt),
  })
  const { bold } = fonts
  const flow = new Flow(doc, fonts, PageSizes.A5, MARGIN)
  const text = (value: string, options: TextOptions = {}) => flow.text(value, { fontSize: 9, ...options })

  // Header: portal name, title (Vietnamese, then English).
  text(portalName.toUpperCase(), { fontSize: 7.5, color: MUTED, align: 'center' })
  flow.skip(6)
  text('GIẤY XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN', { font: bold, fontSize: 12.5, align: 'center' })
  text('Acknowledgement of online submission', { fontSize: 8.5, color: MUTED, align: 'center' })
  flow.skip(10)

  // The code, and its QR code to the right.
  const qrSize = 78
  const qrTop = flow.y
  drawQr(flow.page, receipt.code, flow.right - qrSize, qrTop - qrSize, qrSize)
  const left = flow.width - qrSize - 12
  text('Mã hồ sơ / Dossier code', { fontSize: 7.5, color: MUTED, width: left })
  text(receipt.code, { font: bold, fontSize: 12, width: left, gap: 6 })
  text('Thời gian tiếp nhận / Received (giờ Việt Nam, UTC+7)', { fontSize: 7.5, color: MUTED, width: left })
  text(vietnamReadable(receipt.receivedAt), { font: bold, fontSize: 9.5, width: left, gap: 4 })
  flow.y = Math.min(flow.y, qrTop - qrSize) - 10

  const field = (labelVi: string, labelEn: string, value: string) => {
    text(`${labelVi} / ${labelEn}`, { fontSize: 7.5, color: MUTED })
    text(value, { fontSize: 9.5, gap: 5 })
  }
  field('Người nộp', 'Applicant', receipt.applicant.identityNumber ? `${receipt.applicant.name} — số định danh ${receipt.applicant.identityNumber}` : receipt.applicant.name)
  field('Thủ tục', 'Procedure', `${receipt.procedure.name} (mã ${receipt.procedure.code})`)
  field('Cơ quan tiếp nhận', 'Receiving agency', `${receipt.agency.name} (mã ${receipt.agency.code})`)
  field('Hình thức nhận kết quả', 'How the result is returned', deliveryText(receipt, addresses))

  flow.skip(2)
  text('Thành phần hồ sơ đã nhận / Documents received', { font: bold, fontSize: 9, gap: 4 })
  receipt.components.forEach((component, i) => {
    text(`${i + 1}. ${component.label}`, { fontSize: 8.5, gap: 2 })
    for (const file of component.files) {
      text(`• ${file.name} — ${size(file.size)} — SHA-256 ${shortHash(file.sha256)}`, { fontSize: 8, x: MARGIN + 10, gap: 1 })
      text(file.sha256, { fontSize: 5.5, x: MARGIN + 18, color: MUTED, gap: 3 })
    }
  })
  if (receipt.components.length === 0) text('(Không có tệp đính kèm / no files)', { fontSize: 8.5, color: MUTED })

  flow.skip(8)
  text(
    'Giấy này xác nhận Cổng đã nhận hồ sơ; cơ quan tiếp nhận sẽ kiểm tra và thông báo việc tiếp nhận hoặc yêu cầu bổ sung. Tra cứu bằng mã hồ sơ hoặc mã QR. / This confirms the portal received the dossier; the agency will check it and notify acceptance or request more documents.',
    { fontSize: 7, color: MUTED },
  )
  return doc.save({ useObjectStreams: false })
}
