/**
 * Mẫu 06, Sổ theo dõi hồ sơ: one row per dossier registered with the agency in a date range —
 * code, procedure, applicant, received, due, handed to the deciding unit, result returned, notes —
 * on A4 landscape (the widest table of the forms), the header row repeated and every page
 * numbered.
 */
import { PageSizes } from 'pdf-lib'
import type { DossierReceipt, DossierStatus } from '@portal/shared/dossiers/schema'
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import { toMs } from '@portal/shared/lifecycle/working-days'
import { createPdf, Flow, MUTED, numberPages } from '../../pdf/document.ts'
import { drawTable } from '../../pdf/table.ts'
import { shortDate, shortDateTime } from '../dates.ts'
import { drawHeader, formLabel, type Issuer } from '../layout.ts'

export const REGISTER_TITLE = 'SỔ THEO DÕI HỒ SƠ'

export const STATUS_TEXT: Record<DossierStatus, string> = {
  registered: 'Mới đăng ký',
  accepted: 'Được tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  supplementRequested: 'Yêu cầu bổ sung',
  financialObligation: 'Nghĩa vụ tài chính',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
  processed: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
}

export interface RegisterEntry {
  code: string
  externalCode?: string
  receipt: DossierReceipt
  state: DossierLifeState
}

export interface RegisterInput {
  issuer: Issuer
  portalName: string
  /** First and last day of the range, `yyyy-mm-dd` in Vietnam. */
  from: string
  to: string
  /** When it is printed: overdue dossiers are marked as of this instant. */
  printedAt: string
  entries: RegisterEntry[]
}

const MARGIN = 28
const dayText = (date: string) => date.split('-').reverse().join('/')

function notes({ state, receipt }: RegisterEntry, printedAt: string): string {
  const lines = [STATUS_TEXT[state.status]]
  const refusal = state.history.find((h) => h.event === 'refuse' || h.event === 'stop')
  if (refusal?.note) lines.push(`Lý do: ${refusal.note}`)
  if (state.supplements.length > 0) lines.push(`Yêu cầu bổ sung: ${state.supplements.length} lần`)
  if (state.apologyUsed) lines.push('Đã xin lỗi, hẹn lại ngày trả')
  if (state.status === 'returned') lines.push(state.returnedLate ? 'Trả kết quả quá hạn' : 'Trả kết quả đúng hạn')
  else if (state.dueAt && toMs(printedAt) > toMs(state.dueAt)) lines.push('Quá hạn')
  if (receipt.resultDelivery.method === 'post') lines.push('Trả qua bưu chính')
  return lines.join('\n')
}

function row(entry: RegisterEntry, index: number, issuer: Issuer, printedAt: string): string[] {
  const { receipt, state } = entry
  const at = (event: string) => state.history.find((h) => h.event === event)
  const handed = at('startProcessing')
  const returned = at('returnResult')
  const applicant = receipt.applicant.identityNumber ? `${receipt.applicant.name}\n${receipt.applicant.identityNumber}` : receipt.applicant.name
  return [
    String(index + 1),
    entry.externalCode ? `${entry.code}\n(${entry.externalCode})` : entry.code,
    `${receipt.procedure.name} (${receipt.procedure.code})`,
    applicant,
    shortDateTime(receipt.receivedAt),
    state.dueAt ? shortDateTime(state.dueAt) : '—',
    handed ? `${shortDate(handed.at)}${handed.unit ? `\n${issuer.unitName(handed.unit)}` : ''}` : '—',
    returned ? shortDate(returned.at) : '—',
    notes(entry, printedAt),
  ]
}

export async function renderRegister(input: RegisterInput): Promise<Uint8Array> {
  const { issuer, from, to, printedAt, entries } = input
  const range = `Từ ngày ${dayText(from)} đến ngày ${dayText(to)}`
  const { doc, fonts } = await createPdf({
    title: `Sổ theo dõi hồ sơ — ${issuer.agency} — ${range}`,
    subject: `${issuer.agencyCode} ${from}/${to}`,
    keywords: [issuer.agencyCode, 'Mẫu số 06', ...entries.map((e) => e.code)],
    author: input.portalName,
    date: new Date(printedAt),
  })
  const size = [PageSizes.A4[1], PageSizes.A4[0]] as const
  const flow = new Flow(doc, fonts, size, MARGIN)
  drawHeader(flow, issuer, { formLabel: formLabel(6), date: printedAt })
  flow.text(REGISTER_TITLE, { font: fonts.bold, fontSize: 13, align: 'center', gap: 3 })
  flow.text(`${issuer.agency} — ${range}`, { fontSize: 9, align: 'center', gap: 2 })
  flow.text(`Số hồ sơ: ${entries.length}. Giờ Việt Nam. In lúc ${shortDateTime(printedAt)}.`, { font: fonts.italic, fontSize: 7.5, color: MUTED, align: 'center' })
  flow.skip(6)

  const w = flow.width
  const columns = [
    { header: 'STT', width: w * 0.03, align: 'center' as const },
    { header: 'Mã hồ sơ', width: w * 0.15 },
    { header: 'Tên thủ tục hành chính', width: w * 0.165 },
    { header: 'Tên cá nhân, tổ chức', width: w * 0.11 },
    { header: 'Nhận hồ sơ', width: w * 0.07, align: 'center' as const },
    { header: 'Hẹn trả kết quả', width: w * 0.07, align: 'center' as const },
    { header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: w * 0.12 },
    { header: 'Trả kết quả cho cá nhân, tổ chức', width: w * 0.07, align: 'center' as const },
    { header: 'Ghi chú', width: w * 0.215 },
  ]
  await drawTable(flow, columns, entries.map((entry, i) => row(entry, i, issuer, printedAt)), { fontSize: 7, headerFontSize: 7 })
  if (entries.length === 0) {
    flow.skip(6)
    flow.text('Không có hồ sơ nào trong khoảng thời gian này.', { font: fonts.italic, fontSize: 8.5, align: 'center' })
  }

  numberPages(doc, fonts.regular, MARGIN)
  return doc.save({ useObjectStreams: false })
}
