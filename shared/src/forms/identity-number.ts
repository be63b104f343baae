/**
 * Citizen identity number (số định danh cá nhân, printed on the CCCD / căn cước card): 12 digits
 * (Thông tư 07/2016/TT-BCA, amended by Thông tư 59/2021/TT-BCA).
 *
 * - Digits 1–3: where the birth was registered, as coded when the number was issued: "0" + the
 *   two-digit code of one of the 63 provinces before 1 July 2025. Numbers are permanent, so the
 *   old codes stay valid after the merger into 34 provinces.
 * - Digit 4: century and sex — even male, odd female; 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s,
 *   6/7 → 2200s, 8/9 → 2300s.
 * - Digits 5–6: the last two digits of the birth year. Together with digit 4 they give the full
 *   birth year, which cannot be later than today.
 * - Digits 7–12: a random sequence (no checksum to verify).
 */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh', '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre',
  '084': 'Trà Vinh', '086': 'Vĩnh Long', '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang',
  '092': 'Cần Thơ', '093': 'Hậu Giang', '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
}

export type Sex = 'male' | 'female'

export interface IdentityNumberFacts {
  provinceCode: string
  sex: Sex
  birthYear: number
}

/** What the number says about its holder, or null when it is not 12 digits. */
export function identityNumberFacts(n: string): IdentityNumberFacts | null {
  if (!/^\d{12}$/.test(n)) return null
  const centuryDigit = Number(n[3])
  return {
    provinceCode: n.slice(0, 3),
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(centuryDigit / 2) * 100 + Number(n.slice(4, 6)),
  }
}

export type IdentityNumberProblem = 'identityNumber.format' | 'identityNumber.province' | 'identityNumber.futureYear'

/** The first structural problem of a (normalised) number, or null. `today`: ISO date. */
export function identityNumberProblem(n: string, today: string): IdentityNumberProblem | null {
  const facts = identityNumberFacts(n)
  if (!facts) return 'identityNumber.format'
  if (!(facts.provinceCode in BIRTH_PROVINCE_CODES)) return 'identityNumber.province'
  if (facts.birthYear > Number(today.slice(0, 4))) return 'identityNumber.futureYear'
  return null
}
