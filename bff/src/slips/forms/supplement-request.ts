/**
 * Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every item to supply or correct, all at once
 * (NĐ 61/2018), each with the component it concerns, and whom to ask.
 */
import type { IssuedSlipOf } from '../issued.ts'
import { documentDateTime } from '../dates.ts'
import { drawHeader, drawSignatures, drawTitleAndCode, field, formLabel, startSlip, type SlipContext } from '../layout.ts'
import { applicantText, contactText, procedureText } from './common.ts'

export const SUPPLEMENT_REQUEST_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'

export async function renderSupplementRequestSlip(context: SlipContext, slip: IssuedSlipOf<2>): Promise<Uint8Array> {
  const { receipt, issuer } = context
  const { flow, fonts, save } = await startSlip(context, { title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', form: 2, at: slip.at })
  drawHeader(flow, issuer, { formLabel: formLabel(2), date: slip.at })
  drawTitleAndCode(flow, SUPPLEMENT_REQUEST_TITLE, receipt.code)

  field(flow, 'Hồ sơ của', applicantText(receipt))
  field(flow, 'Nội dung yêu cầu giải quyết', procedureText(receipt))
  field(flow, 'Ngày nộp hồ sơ', documentDateTime(receipt.receivedAt))
  flow.skip(2)
  flow.text('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { font: fonts.bold, fontSize: 8.5, gap: 3 })
  const labels = new Map(receipt.components.map((c) => [c.componentId, c.label]))
  slip.items.forEach((item, i) => {
    const component = item.componentId ? labels.get(item.componentId) ?? item.componentId : undefined
    flow.text(`${i + 1}. ${component ? `${component}: ` : ''}${item.description}`, { fontSize: 8.5, x: flow.left + 8, gap: 3 })
  })
  flow.skip(2)
  if (slip.dueCleared) {
    flow.text('Thời hạn giải quyết tạm dừng; sau khi nhận đủ hồ sơ, thời hạn được tính lại và Ông/Bà nhận Giấy tiếp nhận hồ sơ và hẹn trả kết quả mới.', { fontSize: 8, gap: 3 })
  }
  flow.text('Ông/Bà bổ sung hồ sơ trên Cổng Dịch vụ công (mục hồ sơ của tôi, theo mã hồ sơ trên) hoặc nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả.', { fontSize: 8, gap: 3 })
  flow.text(`Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${contactText(issuer)} để được hướng dẫn.`, { fontSize: 8, gap: 3 })

  drawSignatures(flow, [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)' }])
  return save()
}
