/**
 * Mẫu 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: the dossier's path between units since
 * receipt, one row per step (who handed it to whom, when, and whether early, on time or late
 * against the due date then in force), flowing onto more pages when long.
 */
import { drawTable } from '../../pdf/table.ts'
import type { ControlStep, IssuedSlipOf, Timeliness } from '../issued.ts'
import { documentDateTime, shortDateTime } from '../dates.ts'
import { drawHeader, drawTitleAndCode, field, formLabel, startSlip, type SlipContext } from '../layout.ts'

export const CONTROL_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'
export const RECEPTION = 'Bộ phận tiếp nhận và trả kết quả'

export const TIMELINESS_TEXT: Record<Timeliness, string> = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' }

function stepCells(step: ControlStep, context: SlipContext): string[] {
  const unit = (code: string | undefined) => (code ? context.issuer.unitName(code) : RECEPTION)
  const applicant = context.receipt.applicant.name
  const who: Record<ControlStep['kind'], string> = {
    received: `Nhận hồ sơ: ${RECEPTION} (${unit(step.toUnit)})`,
    handover: `Giao: ${unit(step.fromUnit)}\nNhận: ${unit(step.toUnit)}`,
    'supplement-requested': `${unit(step.fromUnit)}: yêu cầu bổ sung hồ sơ (Mẫu 02)`,
    'supplement-received': `${RECEPTION}: nhận hồ sơ bổ sung; thời hạn tính lại`,
    'result-ready': `Giao kết quả: ${unit(step.fromUnit)}\nNhận: ${RECEPTION}`,
    returned: `Trả kết quả: ${RECEPTION}\nNhận: ${applicant}`,
  }
  const due = step.dueAt ? `Hạn: ${shortDateTime(step.dueAt)}` : ''
  const note = [step.note, step.kind === 'supplement-received' ? due : ''].filter(Boolean).join('\n')
  return [who[step.kind], shortDateTime(step.at), step.timeliness ? `${TIMELINESS_TEXT[step.timeliness]}\n${due}` : '—', note]
}

export async function renderControlSlip(context: SlipContext, slip: IssuedSlipOf<5>): Promise<Uint8Array> {
  const { receipt, issuer } = context
  const { flow, save } = await startSlip(context, { title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', form: 5, at: slip.at })
  drawHeader(flow, issuer, { formLabel: formLabel(5) })
  drawTitleAndCode(flow, CONTROL_TITLE, receipt.code, '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)')

  if (slip.unit) field(flow, 'Cơ quan (bộ phận) đang giải quyết hồ sơ', issuer.unitName(slip.unit))
  const partners = [...new Set(slip.steps.flatMap((s) => [s.fromUnit, s.toUnit]).filter((u): u is string => !!u && u !== slip.unit))]
  if (partners.length > 0) field(flow, 'Cơ quan phối hợp giải quyết hồ sơ', partners.map((u) => issuer.unitName(u)).join('; '))
  if (slip.dueAt) field(flow, 'Thời hạn trả kết quả', documentDateTime(slip.dueAt))
  flow.skip(4)

  const w = flow.width
  await drawTable(
    flow,
    [
      { header: 'TÊN CƠ QUAN', width: w * 0.38 },
      { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: w * 0.2, align: 'center' },
      { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)', width: w * 0.22, align: 'center' },
      { header: 'GHI CHÚ', width: w * 0.2 },
    ],
    slip.steps.map((step) => stepCells(step, context)),
    { fontSize: 7, headerFontSize: 6.5 },
  )
  return save()
}
