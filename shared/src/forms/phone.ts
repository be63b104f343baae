/**
 * Vietnamese phone numbers, after normalisation (normalize.ts: "+84"/"84" → "0").
 *
 * - Mobile: 10 digits; the first three are an allocated mobile prefix. Since the 2018
 *   renumbering (Quyết định 798/QĐ-BTTTT, Thông tư 22/2014/TT-BTTTT plan) they are: Viettel
 *   032–039, 086, 096–098; VinaPhone 081–085, 088, 091, 094; MobiFone 070, 076–079, 089, 090,
 *   093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Wintel (ex-Reddi) 055; iTel 087.
 *   095 (S-Fone, closed) and the unallocated ranges are refused.
 * - Landline: 11 digits: "0" + area code + subscriber number, after the 2017 area-code change
 *   (Quyết định 2036/QĐ-BTTTT): 024 Hà Nội and 028 TP Hồ Chí Minh (3 digits, 8-digit
 *   subscriber), otherwise 4-digit codes 0203–0299 (7-digit subscriber). The 63 area codes are
 *   kept, as people keep their numbers after the 2025 province merger.
 */
export const MOBILE_PREFIXES: readonly string[] = [
  '032', '033', '034', '035', '036', '037', '038', '039',
  '052', '055', '056', '058', '059',
  '070', '076', '077', '078', '079',
  '081', '082', '083', '084', '085', '086', '087', '088', '089',
  '090', '091', '092', '093', '094', '096', '097', '098', '099',
]

export const LANDLINE_AREA_CODES: readonly string[] = [
  '024', '028',
  '0203', '0204', '0205', '0206', '0207', '0208', '0209', '0210', '0211', '0212', '0213', '0214',
  '0215', '0216', '0218', '0219', '0220', '0221', '0222', '0225', '0226', '0227', '0228', '0229',
  '0232', '0233', '0234', '0235', '0236', '0237', '0238', '0239',
  '0251', '0252', '0254', '0255', '0256', '0257', '0258', '0259', '0260', '0261', '0262', '0263',
  '0269', '0270', '0271', '0272', '0273', '0274', '0275', '0276', '0277',
  '0290', '0291', '0292', '0293', '0294', '0296', '0297', '0299',
]

export type PhoneProblem = 'phone.invalid' | 'phone.mobilePrefix' | 'phone.landlineArea'

/** The problem of a normalised number, or null when it is a valid mobile or landline number. */
export function phoneProblem(n: string): PhoneProblem | null {
  if (/^0\d{9}$/.test(n)) {
    if (n.startsWith('02')) return 'phone.invalid'
    return MOBILE_PREFIXES.includes(n.slice(0, 3)) ? null : 'phone.mobilePrefix'
  }
  if (/^02\d{9}$/.test(n)) {
    return LANDLINE_AREA_CODES.includes(n.slice(0, 3)) || LANDLINE_AREA_CODES.includes(n.slice(0, 4))
      ? null
      : 'phone.landlineArea'
  }
  return 'phone.invalid'
}
