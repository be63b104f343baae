/**
 * Mẫu 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả: the reason of the delay, the due date that
 * was missed and the new one (given at most once: NĐ 61/2018).
 */
import type { IssuedSlipOf } from '../issued.ts'
import { documentDate, documentDateTime } from '../dates.ts'
import { drawHeader, drawSignatures, drawTitleAndCode, formLabel, startSlip, type SlipContext } from '../layout.ts'
import { procedureText } from './common.ts'

export const APOLOGY_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'

export async function renderApologySlip(context: SlipContext, slip: IssuedSlipOf<4>): Promise<Uint8Array> {
  const { receipt, issuer } = context
  const { flow, fonts, save } = await startSlip(context, { title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', form: 4, at: slip.at })
  drawHeader(flow, issuer, { formLabel: formLabel(4), date: slip.at })
  drawTitleAndCode(flow, APOLOGY_TITLE, receipt.code)
  const text = (value: string, bold = false) => flow.text(value, { fontSize: 8.5, gap: 3, ...(bold ? { font: fonts.bold } : {}) })
  const received = documentDate(slip.receivedAt)

  text(`Kính gửi: Ông/Bà ${receipt.applicant.name}`, true)
  flow.skip(2)
  text(`${received.charAt(0).toUpperCase()}${received.slice(1)}, ${issuer.agency} tiếp nhận giải quyết hồ sơ của Ông/Bà về thủ tục ${procedureText(receipt)}, mã hồ sơ ${receipt.code}.`)
  text(`Thời hạn trả kết quả giải quyết hồ sơ: ${documentDateTime(slip.oldDueAt)}.`)
  text(`Tuy nhiên đến nay, ${issuer.agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`)
  text(`Lý do: ${slip.reason}`, true)
  text('Sự chậm trễ này đã gây phiền hà cho Ông/Bà; chúng tôi trân trọng xin lỗi Ông/Bà.')
  if (slip.newDueAt) {
    text(`${issuer.agency} xin hẹn lại thời gian trả kết quả giải quyết hồ sơ của Ông/Bà vào: ${documentDateTime(slip.newDueAt)}.`, true)
  } else {
    text(`${issuer.agency} đã hẹn lại thời gian trả kết quả; ngày hẹn đó đã được thay bằng bước xử lý sau phiếu này (xem Giấy tiếp nhận hồ sơ và hẹn trả kết quả hoặc thông báo mới nhất).`)
  }
  text('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.')

  drawSignatures(flow, [{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', note: '(Ký, ghi rõ họ tên và đóng dấu)' }])
  return save()
}
