/**
 * The look-up's Vietnamese words on the server: the status names the API sends and the server
 * page's texts. They are copies of the app's own (web/src/dossiers/i18n/vi.json for the statuses,
 * web/src/lookup/i18n/vi.json for the page), so the API, the server page and the app that
 * replaces it say the same thing; texts.test.ts checks each copy against its file.
 */
import type { DossierStatus } from '@portal/shared/dossiers/schema'

export const STATUS_NAMES: Record<DossierStatus, string> = {
  registered: 'Mới đăng ký',
  accepted: 'Đã được tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  supplementRequested: 'Yêu cầu bổ sung',
  financialObligation: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng xử lý',
  processed: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
}

export const TL = {
  lookup: {
    title: 'Tra cứu hồ sơ',
    lead: 'Nhập mã hồ sơ in trên giấy tiếp nhận để biết hồ sơ đang ở bước nào và ngày hẹn trả kết quả. Không cần đăng nhập.',
    label: 'Mã hồ sơ',
    placeholder: 'Ví dụ: 000.00.01.H55-260701-0001',
    submit: 'Tra cứu',
    result: 'Hồ sơ {code}',
    procedure: 'Thủ tục',
    status: 'Tình trạng',
    submittedAt: 'Ngày nộp',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Ngày hẹn trả kết quả',
    returnedAt: 'Ngày trả kết quả',
    errors: {
      invalid:
        'Mã hồ sơ chưa đúng. Mã gồm mã cơ quan, ngày tiếp nhận và số thứ tự, ví dụ 000.00.01.H55-260701-0001; hãy chép lại từ giấy tiếp nhận.',
      notFound: 'Không tìm thấy hồ sơ mang mã này. Hãy kiểm tra lại từng chữ số trên giấy tiếp nhận.',
      tooMany: 'Bạn đã tra cứu quá nhiều lần trong một phút. Hãy thử lại sau {seconds} giây.',
    },
  },
} as const

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
})

/**
 * A time as the app shows it in Vietnamese (web/src/ui/format.ts, same options), in Vietnam time.
 *
 * @example formatDateTime('2026-07-01T15:00:00+07:00') === '15:00 01/07/2026'
 */
export function formatDateTime(iso: string): string {
  return dateTime.format(Date.parse(iso))
}
