/**
 * Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: each reason on its own line. Also used for a
 * refusal after review during processing (NĐ 61/2018), which the text then says.
 */
import type { IssuedSlipOf } from '../issued.ts'
import { drawHeader, drawSignatures, drawTitleAndCode, field, formLabel, startSlip, type SlipContext } from '../layout.ts'
import { applicantText, procedureText } from './common.ts'

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'

export async function renderRefusalSlip(context: SlipContext, slip: IssuedSlipOf<3>): Promise<Uint8Array> {
  const { receipt, issuer } = context
  const { flow, fonts, save } = await startSlip(context, { title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', form: 3, at: slip.at })
  drawHeader(flow, issuer, { formLabel: formLabel(3), date: slip.at })
  drawTitleAndCode(flow, REFUSAL_TITLE, receipt.code)

  field(flow, 'Bộ phận tiếp nhận và trả kết quả', issuer.agency)
  field(flow, 'Tiếp nhận hồ sơ của', applicantText(receipt))
  field(flow, 'Nội dung yêu cầu giải quyết', procedureText(receipt))
  flow.skip(2)
  const review = slip.afterReview ? 'Qua xem xét, thẩm định hồ sơ' : 'Qua xem xét'
  flow.text(`${review}, ${issuer.agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`, { fontSize: 8.5, gap: 3 })
  slip.reasons.forEach((reason, i) => flow.text(`${i + 1}. ${reason}`, { font: fonts.bold, fontSize: 8.5, x: flow.left + 8, gap: 3 }))
  flow.skip(2)
  flow.text('Xin thông báo cho Ông/Bà được biết và thực hiện./.', { fontSize: 8.5, gap: 3 })

  drawSignatures(flow, [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)' }])
  return save()
}
