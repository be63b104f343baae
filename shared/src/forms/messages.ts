/**
 * Plain-language messages for every IssueCode, Vietnamese first (polite, and saying what to do),
 * English second. `{label}` is the field's label; other `{name}` placeholders are the issue's
 * params (dates already as dd/mm/yyyy).
 */
import type { FormIssue, IssueCode } from './issues.ts'
import type { Text } from './definition.ts'

export type Locale = 'vi' | 'en'

export const MESSAGES: Readonly<Record<IssueCode, Text>> = {
  required: { vi: 'Vui lòng nhập {label}.', en: 'Please fill in {label}.' },
  invalid: { vi: '{label} chưa đúng, vui lòng kiểm tra lại.', en: '{label} is not valid; please check it.' },
  'text.tooLong': { vi: '{label} chỉ được dài tối đa {max} ký tự.', en: '{label} can be at most {max} characters long.' },
  'number.invalid': { vi: '{label} phải là một con số.', en: '{label} must be a number.' },
  'number.notInteger': { vi: '{label} phải là số nguyên, không có phần thập phân.', en: '{label} must be a whole number.' },
  'number.tooSmall': { vi: '{label} không được nhỏ hơn {min}.', en: '{label} must be at least {min}.' },
  'number.tooLarge': { vi: '{label} không được lớn hơn {max}.', en: '{label} must be at most {max}.' },
  'date.invalid': {
    vi: '{label} chưa đúng. Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024.',
    en: '{label} is not a real date. Please enter it as day/month/year, e.g. 05/09/2024.',
  },
  'date.tooEarly': { vi: '{label} không được trước ngày {min}.', en: '{label} cannot be before {min}.' },
  'date.tooLate': { vi: '{label} không được sau ngày {max}.', en: '{label} cannot be after {max}.' },
  'choice.invalid': { vi: 'Vui lòng chọn {label} trong danh sách.', en: 'Please choose {label} from the list.' },
  'email.invalid': {
    vi: 'Địa chỉ thư điện tử chưa đúng. Vui lòng nhập theo dạng ten@vidu.vn.',
    en: 'The email address is not valid. Please enter it like name@example.com.',
  },
  'phone.invalid': {
    vi: 'Số điện thoại chưa đúng. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định có 11 chữ số, bắt đầu bằng 02.',
    en: 'The phone number is not valid. A mobile number has 10 digits starting 03, 05, 07, 08 or 09; a landline has 11 digits starting 02.',
  },
  'phone.mobilePrefix': {
    vi: 'Số điện thoại di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09. Đầu số này chưa được cấp cho nhà mạng nào, vui lòng kiểm tra lại.',
    en: 'A mobile number has 10 digits starting 03, 05, 07, 08 or 09. This prefix is not in use by any network; please check the number.',
  },
  'phone.landlineArea': {
    vi: 'Số điện thoại cố định có 11 chữ số, bắt đầu bằng mã vùng (ví dụ 024 Hà Nội, 028 TP Hồ Chí Minh). Mã vùng này không có, vui lòng kiểm tra lại.',
    en: 'A landline number has 11 digits starting with an area code (e.g. 024 Hà Nội, 028 Hồ Chí Minh City). This area code does not exist; please check it.',
  },
  'identityNumber.format': {
    vi: 'Số định danh cá nhân phải có 12 chữ số, như in trên thẻ căn cước.',
    en: 'The personal identification number must have 12 digits, as printed on the identity card.',
  },
  'identityNumber.province': {
    vi: 'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh nơi đăng ký khai sinh. Vui lòng đối chiếu lại với thẻ căn cước.',
    en: 'The first three digits are not a province-of-birth code. Please check the number against the identity card.',
  },
  'identityNumber.futureYear': {
    vi: 'Số định danh cá nhân cho năm sinh ở tương lai (chữ số thứ 4 đến thứ 6). Vui lòng đối chiếu lại với thẻ căn cước.',
    en: 'The number gives a birth year in the future (digits 4 to 6). Please check it against the identity card.',
  },
  'identityNumber.birthYearMismatch': {
    vi: 'Số định danh cá nhân cho năm sinh {year}, khác với ngày sinh đã khai. Vui lòng kiểm tra lại số định danh hoặc ngày sinh.',
    en: 'The identification number gives birth year {year}, which differs from the birth date entered. Please check one or the other.',
  },
  'identityNumber.sexMismatch': {
    vi: 'Số định danh cá nhân không khớp với giới tính đã khai. Vui lòng kiểm tra lại số định danh hoặc giới tính.',
    en: 'The identification number does not match the sex entered. Please check one or the other.',
  },
  'address.invalid': { vi: 'Vui lòng nhập đầy đủ {label}.', en: 'Please complete {label}.' },
  'address.province': { vi: 'Vui lòng chọn tỉnh, thành phố trong danh sách.', en: 'Please choose a province or city from the list.' },
  'address.commune': {
    vi: 'Vui lòng chọn xã, phường, đặc khu thuộc tỉnh, thành phố đã chọn.',
    en: 'Please choose a commune or ward of the chosen province.',
  },
  'address.street': {
    vi: 'Vui lòng nhập số nhà, tên đường hoặc thôn, xóm, ấp, tổ dân phố.',
    en: 'Please enter the house number and street, or the village or hamlet.',
  },
  'group.tooFew': { vi: '{label}: vui lòng khai ít nhất {min} mục.', en: '{label}: please add at least {min} entries.' },
  'group.tooMany': { vi: '{label}: chỉ được khai tối đa {max} mục.', en: '{label}: at most {max} entries are allowed.' },
}

/** The message of an issue in a locale, with the field's label (in that locale) filled in. */
export function formatIssue(issue: FormIssue, locale: Locale, label: string): string {
  const params: Record<string, string | number> = { ...issue.params, label }
  return MESSAGES[issue.code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}
