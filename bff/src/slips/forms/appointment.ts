/**
 * Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the components received, when, the processing
 * time the law sets, the appointment (due date) and where the result is returned.
 */
import type { AddressDataset } from '@portal/shared/forms/address'
import type { IssuedSlipOf } from '../issued.ts'
import { documentDateTime, processingTimeText } from '../dates.ts'
import { drawHeader, drawSignatures, drawTitleAndCode, field, formLabel, startSlip, type SlipContext } from '../layout.ts'
import { applicantText, deliveryText, procedureText } from './common.ts'

export const APPOINTMENT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'

export async function renderAppointmentSlip(context: SlipContext, slip: IssuedSlipOf<1>, addresses: AddressDataset): Promise<Uint8Array> {
  const { receipt, issuer } = context
  const { flow, fonts, save } = await startSlip(context, { title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', form: 1, at: slip.at })
  drawHeader(flow, issuer, { formLabel: formLabel(1), date: slip.at })
  drawTitleAndCode(flow, APPOINTMENT_TITLE, receipt.code)

  field(flow, 'Bộ phận tiếp nhận và trả kết quả', issuer.agency)
  if (slip.unit && slip.unit !== issuer.agencyCode) field(flow, 'Đơn vị tiếp nhận', issuer.unitName(slip.unit))
  field(flow, 'Tiếp nhận hồ sơ của', applicantText(receipt))
  field(flow, 'Nội dung yêu cầu giải quyết', procedureText(receipt))

  flow.text('1. Thành phần hồ sơ nộp gồm:', { fontSize: 8.5, gap: 3 })
  receipt.components.forEach((component, i) => {
    const files = component.files.length
    flow.text(`${i + 1}) ${component.label}${files > 0 ? ` — ${files} tệp điện tử` : ''}`, { fontSize: 8, x: flow.left + 10, gap: 2 })
  })
  if (receipt.components.length === 0) flow.text('(Không có tệp đính kèm)', { fontSize: 8, x: flow.left + 10, gap: 2 })
  flow.skip(1)
  flow.text('2. Số lượng hồ sơ: 01 bộ (nộp trực tuyến).', { fontSize: 8.5, gap: 3 })
  if (slip.processingTime) flow.text(`3. Thời gian giải quyết hồ sơ theo quy định: ${processingTimeText(slip.processingTime)}.`, { fontSize: 8.5, gap: 3 })
  flow.text(`4. Thời gian nhận hồ sơ: ${documentDateTime(slip.receivedAt)}.`, { fontSize: 8.5, gap: 3 })
  flow.text(`5. Thời gian trả kết quả giải quyết hồ sơ: ${documentDateTime(slip.dueAt)}.`, { font: fonts.bold, fontSize: 8.5, gap: 3 })
  flow.text(`6. Đăng ký nhận kết quả tại: ${deliveryText(receipt, addresses)}.`, { fontSize: 8.5, gap: 3 })
  flow.text('Giờ ghi trên giấy này là giờ Việt Nam. Thời hạn được tính lại từ ngày nhận đủ hồ sơ nếu phải bổ sung.', { font: fonts.italic, fontSize: 7, gap: 2 })

  drawSignatures(flow, [
    { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)' },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)' },
  ])
  return save()
}
