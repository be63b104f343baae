/**
 * The acknowledgement of online submission (Giấy xác nhận nộp hồ sơ trực tuyến) as an A5 PDF,
 * for screen and print (domain.md §3: the forms of NĐ 61/2018 are A5). pdf-lib with fontkit and
 * Be Vietnam Pro (OFL, from @expo-google-fonts/be-vietnam-pro; design decision 14), every text
 * NFC-normalised before drawing (fonts map precomposed Vietnamese letters; NFD input would draw
 * loose marks). The dossier code is printed as text and as a QR code drawn module by module;
 * it is also the document's Subject, and in its Title, so tools can find it.
 *
 * Files are listed with a shortened SHA-256 for the eye and the full one beneath in small type:
 * the applicant can prove which bytes were received.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { formatAddress, type AddressDataset } from '@portal/shared/forms/address'
import { vietnamReadable } from './codes.ts'

const require = createRequire(import.meta.url)
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined
function fontBytes() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')),
  }
  return fonts
}

const [PAGE_W, PAGE_H] = PageSizes.A5
const MARGIN = 34
const WIDTH = PAGE_W - 2 * MARGIN
const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.38, 0.42)

const nfc = (text: string) => text.normalize('NFC')

function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…${sha256.slice(-6)}`
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

/** Word-wraps `text` to `width` (breaking inside a word only when it alone is too wide). */
function wrap(text: string, font: PDFFont, fontSize: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of nfc(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, fontSize) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      while (font.widthOfTextAtSize(line, fontSize) > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), fontSize) > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    }
    lines.push(line)
  }
  return lines
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
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  const { regular: regularBytes, bold: boldBytes } = fontBytes()
  const regular = await doc.embedFont(regularBytes, { subset: true })
  const bold = await doc.embedFont(boldBytes, { subset: true })
  const received = new Date(receipt.receivedAt)
  doc.setTitle(nfc(`Giấy xác nhận nộp hồ sơ trực tuyến ${receipt.code}`), { showInWindowTitleBar: true })
  doc.setSubject(receipt.code)
  doc.setKeywords([receipt.code, receipt.procedure.code, receipt.agency.code])
  doc.setAuthor(nfc(portalName))
  doc.setProducer('pdf-lib')
  doc.setCreator(nfc(portalName))
  doc.setLanguage('vi-VN')
  doc.setCreationDate(received)
  doc.setModificationDate(received)

  let page: PDFPage = doc.addPage([PAGE_W, PAGE_H])
  let y = PAGE_H - MARGIN
  const ensure = (height: number) => {
    if (y - height >= MARGIN) return
    page = doc.addPage([PAGE_W, PAGE_H])
    y = PAGE_H - MARGIN
  }
  const text = (value: string, { font = regular, fontSize = 9, x = MARGIN, width = WIDTH, color = INK, gap = 2, center = false } = {}) => {
    for (const line of wrap(value, font, fontSize, width)) {
      ensure(fontSize + gap)
      y -= fontSize
      const lineX = center ? x + (width - font.widthOfTextAtSize(line, fontSize)) / 2 : x
      page.drawText(line, { x: lineX, y, size: fontSize, font, color })
      y -= gap
    }
  }

  // Header: portal name, title (Vietnamese, then English).
  text(portalName.toUpperCase(), { fontSize: 7.5, color: MUTED, center: true })
  y -= 6
  text('GIẤY XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN', { font: bold, fontSize: 12.5, center: true })
  text('Acknowledgement of online submission', { fontSize: 8.5, color: MUTED, center: true })
  y -= 10

  // The code, and its QR code to the right.
  const qrSize = 78
  const qrTop = y
  drawQr(page, receipt.code, PAGE_W - MARGIN - qrSize, qrTop - qrSize, qrSize)
  const left = WIDTH - qrSize - 12
  text('Mã hồ sơ / Dossier code', { fontSize: 7.5, color: MUTED, width: left })
  text(receipt.code, { font: bold, fontSize: 12, width: left, gap: 6 })
  text('Thời gian tiếp nhận / Received (giờ Việt Nam, UTC+7)', { fontSize: 7.5, color: MUTED, width: left })
  text(vietnamReadable(receipt.receivedAt), { font: bold, fontSize: 9.5, width: left, gap: 4 })
  y = Math.min(y, qrTop - qrSize) - 10

  const field = (labelVi: string, labelEn: string, value: string) => {
    text(`${labelVi} / ${labelEn}`, { fontSize: 7.5, color: MUTED })
    text(value, { fontSize: 9.5, gap: 5 })
  }
  field('Người nộp', 'Applicant', receipt.applicant.identityNumber ? `${receipt.applicant.name} — số định danh ${receipt.applicant.identityNumber}` : receipt.applicant.name)
  field('Thủ tục', 'Procedure', `${receipt.procedure.name} (mã ${receipt.procedure.code})`)
  field('Cơ quan tiếp nhận', 'Receiving agency', `${receipt.agency.name} (mã ${receipt.agency.code})`)
  field('Hình thức nhận kết quả', 'How the result is returned', deliveryText(receipt, addresses))

  y -= 2
  text('Thành phần hồ sơ đã nhận / Documents received', { font: bold, fontSize: 9, gap: 4 })
  receipt.components.forEach((component, i) => {
    text(`${i + 1}. ${component.label}`, { fontSize: 8.5, gap: 2 })
    for (const file of component.files) {
      text(`• ${file.name} — ${size(file.size)} — SHA-256 ${shortHash(file.sha256)}`, { fontSize: 8, x: MARGIN + 10, width: WIDTH - 10, gap: 1 })
      text(file.sha256, { fontSize: 5.5, x: MARGIN + 18, width: WIDTH - 18, color: MUTED, gap: 3 })
    }
  })
  if (receipt.components.length === 0) text('(Không có tệp đính kèm / no files)', { fontSize: 8.5, color: MUTED })

  y -= 8
  text(
    'Giấy này xác nhận Cổng đã nhận hồ sơ; cơ quan tiếp nhận sẽ kiểm tra và thông báo việc tiếp nhận hoặc yêu cầu bổ sung. Tra cứu bằng mã hồ sơ hoặc mã QR. / This confirms the portal received the dossier; the agency will check it and notify acceptance or request more documents.',
    { fontSize: 7, color: MUTED },
  )
  return doc.save({ useObjectStreams: false })
}

/** The QR code of `value`, as dark squares (runs of modules in a row merged into one rectangle). */
function drawQr(page: PDFPage, value: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(value, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const cell = size / (n + 2 * quiet)
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) })
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      })
    }
  }
}
