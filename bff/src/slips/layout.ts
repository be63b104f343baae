/**
 * The frame every slip of TT 01/2018 shares, as the forms lay it out: the issuing body on the
 * left (its governing body above it, in capitals, then a short rule), the national header on the
 * right (Quốc hiệu and tiêu ngữ, then a rule, then the place and date), the form number in the
 * top corner, the title, the dossier code as text and as a QR code, then the body and the
 * signature blocks. Mẫu 01–05 are A5 (domain.md §3); the register (Mẫu 06) uses the header on A4.
 */
import { PageSizes } from 'pdf-lib'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { createPdf, drawQr, Flow, MUTED, numberPages, textWidth, type Fonts } from '../pdf/document.ts'
import { documentDate } from './dates.ts'

/** Who issues the slip. */
export interface Issuer {
  /** The governing body (cơ quan chủ quản), e.g. "Ủy ban nhân dân tỉnh Thái Nguyên"; absent for the province itself. */
  governing?: string
  /** The agency that received the dossier. */
  agency: string
  agencyCode: string
  /** The place printed before the date ("Thái Nguyên, ngày ..."). */
  place: string
  phone?: string
  address?: string
  /** The display name of a unit code (an agency of the directory or a unit inside one). */
  unitName(code: string): string
}

/** What every slip of one dossier is built from. */
export interface SlipContext {
  receipt: DossierReceipt
  issuer: Issuer
  /** The province's portal, named in the documents' metadata. */
  portalName: string
}

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc'

const MARGIN = 32

/** The national header and the issuer, side by side; the place and date under the motto when given. */
export function drawHeader(flow: Flow, issuer: Issuer, { formLabel, date }: { formLabel: string; date?: string }): void {
  const { bold, italic } = flow.fonts
  flow.text(formLabel, { font: italic, fontSize: 7, color: MUTED, align: 'right', gap: 4 })
  const start = flow.y
  const leftWidth = flow.width * 0.42
  const rightX = flow.left + leftWidth + 6
  const rightWidth = flow.right - rightX

  if (issuer.governing) flow.text(issuer.governing.toUpperCase(), { fontSize: 7, x: flow.left, width: leftWidth, align: 'center', gap: 1.5 })
  flow.text(issuer.agency.toUpperCase(), { font: bold, fontSize: 7, x: flow.left, width: leftWidth, align: 'center', gap: 1.5 })
  flow.skip(3)
  flow.rule(flow.left, leftWidth, Math.min(60, leftWidth * 0.5))
  const leftBottom = flow.y

  flow.y = start
  flow.text(NATION, { font: bold, fontSize: 7, x: rightX, width: rightWidth, align: 'center', gap: 1.5 })
  flow.text(MOTTO, { font: bold, fontSize: 7.5, x: rightX, width: rightWidth, align: 'center', gap: 1.5 })
  flow.skip(3)
  flow.rule(rightX, rightWidth, textWidth(bold, MOTTO, 7.5))
  flow.skip(4)
  if (date) flow.text(`${issuer.place}, ${documentDate(date)}`, { font: italic, fontSize: 7.5, x: rightX, width: rightWidth, align: 'center' })
  flow.y = Math.min(flow.y, leftBottom) - 8
}

/** The title, then the dossier code as text with its QR code to the right. */
export function drawTitleAndCode(flow: Flow, title: string, code: string, subtitle?: string): void {
  const { bold, italic, regular } = flow.fonts
  flow.text(title, { font: bold, fontSize: 11, align: 'center', gap: 3 })
  if (subtitle) flow.text(subtitle, { font: italic, fontSize: 7.5, align: 'center' })
  flow.skip(6)
  const qrSize = 58
  flow.ensure(qrSize)
  const qrTop = flow.y
  drawQr(flow.page, code, flow.right - qrSize, qrTop - qrSize, qrSize)
  const width = flow.width - qrSize - 10
  flow.skip(8)
  flow.text('Mã hồ sơ:', { fontSize: 7.5, color: MUTED, width })
  flow.text(code, { font: bold, fontSize: 11, width, gap: 4 })
  flow.text('Tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công bằng mã hồ sơ hoặc quét mã QR.', { font: regular, fontSize: 6.5, color: MUTED, width })
  flow.y = Math.min(flow.y, qrTop - qrSize) - 8
}

/** "Label: value", the label in bold, wrapped as one paragraph. */
export function field(flow: Flow, label: string, value: string, options: { x?: number; fontSize?: number } = {}): void {
  flow.text(`${label}: ${value}`, { fontSize: options.fontSize ?? 8.5, gap: 3, ...(options.x === undefined ? {} : { x: options.x }) })
}

export interface Signature {
  title: string
  note: string
}

/** Signature blocks side by side (one block sits on the right, as on the forms). */
export function drawSignatures(flow: Flow, blocks: readonly Signature[]): void {
  const { bold, italic } = flow.fonts
  const height = 70
  flow.skip(8)
  flow.ensure(height)
  const top = flow.y
  const width = flow.width / 2
  let bottom = top
  blocks.forEach((block, i) => {
    const x = blocks.length === 1 ? flow.left + width : flow.left + i * width
    flow.y = top
    flow.text(block.title, { font: bold, fontSize: 8, x, width, align: 'center', gap: 1.5 })
    flow.text(block.note, { font: italic, fontSize: 7, x, width, align: 'center' })
    bottom = Math.min(bottom, flow.y)
  })
  flow.y = bottom - (height - (top - bottom))
}

/** A new A5 slip with its metadata: the title and the code (Subject) for tools to find it. */
export async function startSlip(context: SlipContext, { title, form, at }: { title: string; form: number; at: string }): Promise<{ flow: Flow; fonts: Fonts; save(): Promise<Uint8Array> }> {
  const { receipt, issuer, portalName } = context
  const { doc, fonts } = await createPdf({
    title: `${title} — ${receipt.code}`,
    subject: receipt.code,
    keywords: [receipt.code, `Mẫu số ${String(form).padStart(2, '0')}`, receipt.procedure.code, issuer.agencyCode],
    author: portalName,
    date: new Date(at),
  })
  const flow = new Flow(doc, fonts, PageSizes.A5, MARGIN)
  const save = () => {
    // A slip longer than a page says on each page whose it is and where it stands.
    if (doc.getPageCount() > 1) numberPages(doc, fonts.regular, MARGIN, `Mã hồ sơ ${receipt.code} — `)
    return doc.save({ useObjectStreams: false })
  }
  return { flow, fonts, save }
}

export const formLabel = (form: number) => `Mẫu số ${String(form).padStart(2, '0')} (Thông tư 01/2018/TT-VPCP)`
