/**
 * Why a transition was refused, in both languages of the portal. The codes are stable (callers
 * and the BFF's problem responses use them); the texts are for officers and applicants.
 */
export const LIFECYCLE_ERRORS = {
  'not-allowed': {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This action is not possible in the dossier’s current status.',
  },
  'invalid-time': { vi: 'Thời điểm không hợp lệ.', en: 'The time is not valid.' },
  'out-of-order': {
    vi: 'Thời điểm sớm hơn bước đã ghi trước đó.',
    en: 'The time is earlier than the last recorded step.',
  },
  'reasons-required': { vi: 'Phải nêu rõ lý do.', en: 'A reason is required.' },
  'items-required': {
    vi: 'Phải liệt kê đầy đủ các nội dung cần bổ sung (một lần).',
    en: 'Every missing item must be listed, all at once.',
  },
  'supplement-window-closed': {
    vi: 'Đã quá 03 ngày làm việc kể từ ngày tiếp nhận: không được yêu cầu bổ sung.',
    en: 'More than 3 working days since receipt: a supplement can no longer be requested.',
  },
  'unit-required': { vi: 'Phải ghi mã đơn vị hợp lệ.', en: 'A valid unit code is required.' },
  'same-unit': { vi: 'Hồ sơ đang ở đơn vị này.', en: 'The dossier is already with this unit.' },
  'processing-time-invalid': {
    vi: 'Thời hạn giải quyết không hợp lệ.',
    en: 'The processing time is not valid.',
  },
  'opinion-required': { vi: 'Phải ghi ý kiến.', en: 'An opinion is required.' },
  'fees-invalid': {
    vi: 'Phải ghi số tiền (VNĐ, lớn hơn 0) và nội dung nghĩa vụ tài chính.',
    en: 'The amount (VND, above 0) and what it is for are required.',
  },
  'payment-required': { vi: 'Phải ghi chứng từ nộp tiền.', en: 'The payment reference is required.' },
  'result-required': { vi: 'Phải đính kèm kết quả giải quyết.', en: 'The result file is required.' },
  'apology-used': {
    vi: 'Đã hẹn lại ngày trả kết quả một lần: không được hẹn lại nữa.',
    en: 'The return date was already reset once and cannot be reset again.',
  },
  'apology-too-late': {
    vi: 'Phiếu xin lỗi phải gửi chậm nhất 01 ngày làm việc trước ngày hẹn trả.',
    en: 'The apology must go out at least 1 working day before the due date.',
  },
  'new-date-not-later': {
    vi: 'Ngày hẹn mới phải sau ngày hẹn cũ.',
    en: 'The new date must be after the old one.',
  },
  'withdraw-after-processing': {
    vi: 'Hồ sơ đã được xử lý: không thể rút.',
    en: 'Processing has started: the dossier can no longer be withdrawn.',
  },
} as const satisfies Record<string, { vi: string; en: string }>

export type LifecycleErrorCode = keyof typeof LIFECYCLE_ERRORS
