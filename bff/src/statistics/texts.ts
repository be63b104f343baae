/**
 * The statistics page's Vietnamese words on the server: a copy of the app's own
 * (web/src/statistics/i18n/vi.json), so the server page and the app that replaces it say the
 * same thing; texts.test.ts checks the copy against the file.
 */
export const TS = {
  statistics: {
    title: 'Thống kê kết quả giải quyết hồ sơ',
    lead: 'Số hồ sơ tiếp nhận, đã giải quyết (trước hạn, đúng hạn, quá hạn) và đang giải quyết của từng cơ quan, cùng đánh giá của người dân theo Thông tư 01/2018/TT-VPCP.',
    filters: 'Chọn số liệu',
    groupBy: 'Xem theo',
    by: {
      agency: 'Cơ quan',
      'agency-month': 'Cơ quan và tháng',
      'agency-field': 'Cơ quan và lĩnh vực',
    },
    from: 'Từ tháng',
    to: 'Đến tháng',
    monthHint: 'Dạng năm-tháng, ví dụ 2026-01',
    show: 'Xem số liệu',
    period: 'Từ tháng {from} đến tháng {to}; số liệu tính lúc {at}.',
    csv: 'Tải về bảng tính (CSV)',
    totals: 'Toàn tỉnh',
    empty: 'Chưa có hồ sơ nào trong khoảng thời gian này.',
    received: 'Tiếp nhận',
    processed: 'Đã giải quyết',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    inProgress: 'Đang giải quyết',
    onTimeShare: '{percent} đúng hạn hoặc trước hạn',
    score: 'Điểm đánh giá: {total}/18, xếp loại {grade}',
    noScore: 'Chưa đủ hồ sơ đã giải quyết để chấm điểm.',
    ratings: 'Đánh giá của người dân: {veryS} rất hài lòng, {s} hài lòng, {u} chưa hài lòng',
    indices: 'Chín chỉ số (mỗi chỉ số tối đa 2 điểm)',
    notJudged: 'chưa đánh giá',
    grade: {
      excellent: 'Xuất sắc',
      good: 'Tốt',
      fair: 'Khá',
      average: 'Trung bình',
      weak: 'Yếu',
    },
    index: {
      totalTime: 'Tổng thời gian giải quyết so với thời gian quy định',
      unitTime: 'Thời gian thực hiện của từng cơ quan, đơn vị',
      contacts: 'Số lần phải liên hệ để hoàn thiện hồ sơ',
      agencies: 'Số cơ quan, đơn vị phải liên hệ',
      oneStop: 'Tiếp nhận tại Bộ phận Một cửa và chuyển hồ sơ đúng hạn',
      publication: 'Công khai thủ tục hành chính',
      attitude: 'Thái độ của cán bộ, công chức',
      feedback: 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn',
      online: 'Cung cấp dịch vụ công trực tuyến',
    },
    errors: {
      invalid: 'Khoảng thời gian chưa đúng: tháng bắt đầu phải trước tháng kết thúc, tối đa 60 tháng.',
    },
  },
} as const
