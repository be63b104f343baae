/**
 * The reviewed decision tables of the catalogue import: fields, agency kinds and how a published
 * agency maps to one, and the per-procedure corrections a parser cannot make on its own (fees
 * that are free by law, fee texts too garbled to read, guidance lines the note rules miss).
 * Every entry says why; docs/decisions/0002-catalogue-data.md explains the rules.
 */
import type { AgencyKind, Fee, ProcedureLevel } from '../../shared/src/catalog/schema.ts'
import { fold } from '../../shared/src/text/fold.ts'

/** Level-1 unit code of the demo province (TT 10/2016: H + the province number, Thái Nguyên = 55). */
export const PROVINCE_UNIT_CODE = 'H55'

interface FieldEntry {
  id: string
  /** Short field code; the published code is `${PROVINCE_UNIT_CODE}-${short}` (TT 01/2018 Art. 20). */
  short: string
  nameEn: string
}

/**
 * Source field name (tidied) → field. Ids are slugs of the name, shortened where the name is long.
 * No two source fields are merged: the two business fields stay apart on purpose (household
 * businesses register at the commune, enterprises at the province, and the national portal keeps
 * them as two fields).
 */
export const FIELDS: Record<string, FieldEntry> = {
  'Hộ tịch': { id: 'ho-tich', short: 'HT', nameEn: 'Civil status registration' },
  'Nuôi con nuôi': { id: 'nuoi-con-nuoi', short: 'NCN', nameEn: 'Adoption' },
  'Chứng thực': { id: 'chung-thuc', short: 'CTH', nameEn: 'Certification of copies, signatures and contracts' },
  'Lý lịch tư pháp': { id: 'ly-lich-tu-phap', short: 'LLTP', nameEn: 'Judicial records' },
  'Hòa giải ở cơ sở': { id: 'hoa-giai-o-co-so', short: 'HGCS', nameEn: 'Grassroots mediation' },
  'Đăng ký, quản lý cư trú': { id: 'cu-tru', short: 'CT', nameEn: 'Residence registration and management' },
  'Cấp, quản lý căn cước': { id: 'can-cuoc', short: 'CC', nameEn: 'Identity cards' },
  'Định danh và xác thực điện tử': { id: 'dinh-danh-dien-tu', short: 'DDDT', nameEn: 'Electronic identification and authentication' },
  'Sát hạch, cấp giấy phép lái xe': { id: 'giay-phep-lai-xe', short: 'GPLX', nameEn: 'Driving tests and driving licences' },
  'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng': {
    id: 'dang-ky-xe',
    short: 'DKX',
    nameEn: 'Registration of motor vehicles and special-use vehicles',
  },
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': {
    id: 'ho-kinh-doanh',
    short: 'HKD',
    nameEn: 'Household business registration and operation',
  },
  'Thành lập và hoạt động của doanh nghiệp': { id: 'doanh-nghiep', short: 'DN', nameEn: 'Enterprise registration and operation' },
  'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': {
    id: 'hop-tac-xa',
    short: 'HTX',
    nameEn: 'Cooperative groups, cooperatives and cooperative unions',
  },
  'Đất đai': { id: 'dat-dai', short: 'DD', nameEn: 'Land' },
  'Hoạt động xây dựng': { id: 'xay-dung', short: 'XD', nameEn: 'Construction activities' },
  'Tài nguyên nước': { id: 'tai-nguyen-nuoc', short: 'TNN', nameEn: 'Water resources' },
  'Môi trường': { id: 'moi-truong', short: 'MT', nameEn: 'Environment' },
  'Bảo trợ xã hội': { id: 'bao-tro-xa-hoi', short: 'BTXH', nameEn: 'Social protection' },
  'Giảm nghèo': { id: 'giam-ngheo', short: 'GN', nameEn: 'Poverty reduction' },
  'Người có công': { id: 'nguoi-co-cong', short: 'NCC', nameEn: 'People with meritorious services to the revolution' },
  'Việc làm': { id: 'viec-lam', short: 'VL', nameEn: 'Employment and unemployment insurance' },
  'Giáo dục mầm non': { id: 'giao-duc-mam-non', short: 'GDMN', nameEn: 'Preschool education' },
  'Giáo dục trung học': { id: 'giao-duc-trung-hoc', short: 'GDTH', nameEn: 'Secondary education' },
  'Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân': {
    id: 'giao-duc-dao-tao',
    short: 'GDDT',
    nameEn: 'Education and training in the national education system',
  },
  'Văn bằng, chứng chỉ': { id: 'van-bang-chung-chi', short: 'VBCC', nameEn: 'Diplomas and certificates' },
  'Khám bệnh, chữa bệnh': { id: 'kham-chua-benh', short: 'KCB', nameEn: 'Medical examination and treatment' },
  'An toàn thực phẩm': { id: 'an-toan-thuc-pham', short: 'ATTP', nameEn: 'Food safety' },
  'Văn hóa': { id: 'van-hoa', short: 'VH', nameEn: 'Culture' },
  'Thể dục thể thao': { id: 'the-duc-the-thao', short: 'TDTT', nameEn: 'Physical training and sports' },
}

/** Every agency kind the procedures or the directory use. */
export const AGENCY_KINDS: AgencyKind[] = [
  { id: 'commune-committee', name: 'Ủy ban nhân dân cấp xã', nameEn: "Commune People's Committee", level: 'commune' },
  { id: 'commune-police', name: 'Công an cấp xã', nameEn: 'Commune Police', level: 'commune' },
  { id: 'province-committee', name: 'Ủy ban nhân dân tỉnh', nameEn: "Provincial People's Committee", level: 'province' },
  { id: 'provincial-police', name: 'Công an tỉnh', nameEn: 'Provincial Police', level: 'province' },
  { id: 'department-justice', name: 'Sở Tư pháp', nameEn: 'Department of Justice', level: 'province' },
  { id: 'department-home-affairs', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', level: 'province' },
  { id: 'department-finance', name: 'Sở Tài chính', nameEn: 'Department of Finance', level: 'province' },
  { id: 'department-construction', name: 'Sở Xây dựng', nameEn: 'Department of Construction', level: 'province' },
  {
    id: 'department-agriculture-environment',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    level: 'province',
  },
  { id: 'department-education', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', level: 'province' },
  { id: 'department-health', name: 'Sở Y tế', nameEn: 'Department of Health', level: 'province' },
  {
    id: 'department-culture',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    nameEn: 'Department of Culture, Sports and Tourism',
    level: 'province',
  },
  { id: 'department-industry-trade', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', level: 'province' },
  { id: 'land-registration-office', name: 'Văn phòng Đăng ký đất đai', nameEn: 'Land Registration Office', level: 'province' },
  { id: 'employment-service-center', name: 'Trung tâm Dịch vụ việc làm', nameEn: 'Employment Service Centre', level: 'province' },
  { id: 'provincial-social-insurance', name: 'Bảo hiểm xã hội tỉnh', nameEn: 'Provincial Social Security Office', level: 'province' },
]

/**
 * Province-level procedures: the first rule whose pattern is in the published agency text gives
 * the kind that receives the dossier. Order matters: a land registration office is named beside
 * the department, the police beside the national traffic police department.
 */
const PROVINCE_RULES: [RegExp, string][] = [
  [/Văn phòng đăng ký đất đai/i, 'land-registration-office'],
  [/Sở Tư pháp/i, 'department-justice'],
  [/Công an|cảnh sát/i, 'provincial-police'],
  [/Sở Xây dựng/i, 'department-construction'],
  [/Sở Tài chính/i, 'department-finance'],
  [/Trung tâm Dịch vụ việc làm/i, 'employment-service-center'],
  [/Bảo hiểm xã hội/i, 'provincial-social-insurance'],
  [/Sở Nội vụ/i, 'department-home-affairs'],
  [/Sở Giáo dục/i, 'department-education'],
  [/Sở Y tế/i, 'department-health'],
  [/Sở Văn hóa/i, 'department-culture'],
  [/Sở Nông nghiệp và Môi trường/i, 'department-agriculture-environment'],
  [/Sở Công Thương/i, 'department-industry-trade'],
]

/** Where the published agency is not the body that receives the dossier in the province. */
const AGENCY_OVERRIDES: Record<string, { kind: string; why: string }> = {
  '1.014748': {
    kind: 'employment-service-center',
    why: 'the source names the deciding bodies (UBND tỉnh; Sở Nội vụ); the worker hands the dossier to the employment service centre',
  },
  '2.000591': {
    kind: 'department-industry-trade',
    why: 'source says "Ủy ban nhân dân cấp tỉnh"; a Ministry of Industry and Trade procedure (926/QĐ-BCT), received by the Department of Industry and Trade',
  },
  '2.000117': {
    kind: 'department-industry-trade',
    why: 'source says "Ủy ban nhân dân cấp tỉnh"; a Ministry of Industry and Trade procedure (3783/QĐ-BCT), received by the Department of Industry and Trade',
  },
  '1.010733': {
    kind: 'department-agriculture-environment',
    why: 'source says "Ủy ban nhân dân cấp tỉnh"; the appraisal dossier is received by the Department of Agriculture and Environment',
  },
}

export interface AgencyKindChoice {
  kind: string
  /** rule: read from the text; override: AGENCY_OVERRIDES; inferred: from level and field only. */
  how: 'rule' | 'override' | 'inferred'
  remark?: string
}

const NATIONAL_BODY = /(^|;\s*)(Cục|Bộ)\s|Việt Nam/

/**
 * The kind of agency that receives a procedure's dossier in the demo province.
 * Commune level: the commune police when the text names the police, else the commune People's
 * Committee. Province level: PROVINCE_RULES, then AGENCY_OVERRIDES; an unmatched province text is
 * an error, so that a new agency gets a reviewed rule rather than a guess.
 */
export function agencyKindFor(code: string, level: ProcedureLevel, agencyText: string | undefined): AgencyKindChoice {
  const override = AGENCY_OVERRIDES[code]
  if (override) return { kind: override.kind, how: 'override', remark: override.why }
  const text = agencyText ?? ''
  if (level === 'commune') {
    // Folded, so that "Uỷ ban" (old accent placement) matches like "Ủy ban".
    const folded = fold(text)
    if (/\bcong an\b/.test(folded)) return { kind: 'commune-police', how: 'rule' }
    if (/\buy ban\b|\bubnd\b/.test(folded)) return { kind: 'commune-committee', how: 'rule' }
    return {
      kind: 'commune-committee',
      how: 'inferred',
      remark: agencyText
        ? `source names "${agencyText}"; at commune level the People's Committee is the authority that receives`
        : 'source names no agency; commune level → commune People\'s Committee',
    }
  }
  for (const [pattern, kind] of PROVINCE_RULES) {
    if (pattern.test(text)) {
      return NATIONAL_BODY.test(text)
        ? { kind, how: 'rule', remark: `source also names a national body ("${text}"); mapped to the provincial receiver` }
        : { kind, how: 'rule' }
    }
  }
  throw new Error(`${code}: no rule maps province-level agency "${text}"; add one to tables.ts`)
}

/**
 * Procedures whose fee is absent or a bare "0 đồng" on the national portal and that are free by
 * law. Anything not listed keeps kind `unknown`.
 */
const CIVIL_STATUS = 'Luật Hộ tịch 2014, Art. 11(1): no fee for registering a birth or death on time, a guardianship or a marriage of citizens living in Viet Nam'
const RESIDENCE = 'TT 75/2022/TT-BTC charges only permanent and temporary residence registration, its extension and household separation'
const BENEFIT = 'a benefit or social-policy procedure: no fee or charge exists for it'
export const FREE_BY_LAW: Record<string, string> = {
  '1.001193': CIVIL_STATUS,
  '1.004837': `${CIVIL_STATUS} (the source lists only the optional copy-of-extract fee of TT 281/2016/TT-BTC)`,
  '2.000986': `${CIVIL_STATUS}; children are exempt from the residence fee (TT 75/2022/TT-BTC Art. 4); health insurance of children under 6 is paid by the State`,
  '2.001023': `${CIVIL_STATUS}; health insurance of children under 6 is paid by the State`,
  '1.003583': CIVIL_STATUS,
  '1.000593': CIVIL_STATUS,
  '1.000419': CIVIL_STATUS,
  '1.003197': RESIDENCE,
  '1.010028': RESIDENCE,
  '1.003677': RESIDENCE,
  '1.010039': RESIDENCE,
  '1.010040': RESIDENCE,
  '1.010041': RESIDENCE,
  '3.000334': 'TT 244/2016/TT-BTC charges the individual who asks for a judicial record; a request by a state body carries no fee',
  '1.001776': BENEFIT,
  '1.001699': BENEFIT,
  '1.001653': BENEFIT,
  '1.001731': BENEFIT,
  '1.011947': BENEFIT,
  '1.012822': BENEFIT,
  '1.011606': BENEFIT,
  '1.011607': BENEFIT,
  '1.010801': BENEFIT,
  '1.010803': BENEFIT,
  '1.010833': BENEFIT,
  '1.010814': BENEFIT,
  '2.002307': BENEFIT,
  '1.014748': BENEFIT,
  '1.014745': `${BENEFIT} (the employer pays contributions, not a fee)`,
  '1.014753': BENEFIT,
  '1.001622': BENEFIT,
  '1.010497': BENEFIT,
  '3.000182': 'lower-secondary admission in public schools is by review of records, with no fee',
}

type FeeItems = Fee['items']
const perPage = (first: string): FeeItems => [
  { amountVnd: 2000, per: 'trang', condition: first },
  { amountVnd: 1000, per: 'trang', condition: 'Từ trang thứ ba trở lên; tối đa 200.000 đồng/bản' },
]
const identityCard = (full: number): FeeItems => [
  {
    amountVnd: full / 2,
    per: 'thẻ căn cước',
    condition: 'Từ 01/7/2025 đến hết ngày 31/12/2026: 50% mức thu (Thông tư 64/2025/TT-BTC)',
  },
  { amountVnd: full, per: 'thẻ căn cước', condition: 'Mức thu quy định, ngoài thời gian giảm 50%' },
]

/**
 * Fixed fees whose published text the parser cannot read right (degressive per-page rates,
 * labels attached to the wrong amount, a typo, expired reductions). The text stays as published.
 */
export const FEE_OVERRIDES: Record<string, { items: FeeItems; why: string }> = {
  '2.000815': {
    items: perPage('Trang thứ nhất và thứ hai (tại Ủy ban nhân dân cấp xã)'),
    why: 'degressive per-page rate; the 10 USD rate of representative missions abroad does not apply in the province',
  },
  '2.000942': { items: perPage('Trang thứ nhất và thứ hai'), why: 'degressive per-page rate' },
  '1.004222': {
    items: [
      { channel: 'online', amountVnd: 10000, per: 'lần đăng ký' },
      { channel: 'in-person', amountVnd: 20000, per: 'lần đăng ký' },
    ],
    why: 'the in-person entry carries the exemption text as its description',
  },
  '1.004194': {
    items: [
      { channel: 'online', amountVnd: 7000, per: 'lần đăng ký', condition: 'Đăng ký tạm trú cá nhân, hộ gia đình' },
      { channel: 'online', amountVnd: 5000, per: 'người/lần đăng ký', condition: 'Đăng ký tạm trú theo danh sách' },
      { channel: 'in-person', amountVnd: 15000, per: 'lần đăng ký', condition: 'Đăng ký tạm trú cá nhân, hộ gia đình' },
      { channel: 'in-person', amountVnd: 10000, per: 'người/lần đăng ký', condition: 'Đăng ký tạm trú theo danh sách' },
    ],
    why: 'descriptions restate the amounts; cases taken from them',
  },
  '1.002755': {
    items: [
      { channel: 'online', amountVnd: 7000, per: 'lần đăng ký', condition: 'Gia hạn tạm trú cá nhân, hộ gia đình' },
      { channel: 'online', amountVnd: 5000, per: 'người/lần đăng ký', condition: 'Gia hạn tạm trú theo danh sách' },
      { channel: 'in-person', amountVnd: 15000, per: 'lần đăng ký', condition: 'Gia hạn tạm trú cá nhân, hộ gia đình' },
      { channel: 'in-person', amountVnd: 10000, per: 'người/lần đăng ký', condition: 'Gia hạn tạm trú theo danh sách' },
    ],
    why: 'the source attaches the "cá nhân, hộ gia đình" label to 5.000 đồng while its own description says 7.000; read as in TT 75/2022/TT-BTC and the temporary-residence procedure',
  },
  '1.010038': {
    items: [
      { channel: 'online', amountVnd: 5000, per: 'lần đăng ký' },
      { channel: 'in-person', amountVnd: 10000, per: 'lần đăng ký' },
    ],
    why: 'descriptions are the exemption text',
  },
  '2.001194': { items: identityCard(70000), why: 'reductions by date; the online-only reduction ended on 31/12/2025 and is dropped' },
  '2.001195': { items: identityCard(50000), why: 'reductions by date; the online-only reduction ended on 31/12/2025 and is dropped' },
  '2.001610': {
    items: [{ amountVnd: 100000, per: 'lần', condition: 'Phí công bố nội dung đăng ký doanh nghiệp' }],
    why: 'the online entry reads "100 đồng" while its description says 100.000 đồng (typo); same for every channel',
  },
  '3.000347': {
    items: [{ amountVnd: 135000, per: 'lần' }],
    why: 'the 115.000 đồng online rate applied until 31/12/2025 only and is dropped',
  },
  '3.000348': {
    items: [{ amountVnd: 135000, per: 'lần' }],
    why: 'the 115.000 đồng online rate applied until 31/12/2025 only and is dropped',
  },
  '1.001029': {
    items: [
      {
        amountVnd: 1000000,
        per: 'phòng',
        condition: 'Phí thẩm định; tổng mức thu không quá 6.000.000 đồng/giấy phép/lần thẩm định',
      },
    ],
    why: 'the amount is inside a sentence',
  },
  '2.001263': {
    items: [{ amountVnd: 400000, per: 'trường hợp' }],
    why: 'same for every channel; the unit is inside the description',
  },
}

/** Guidance lines the note rules do not catch, by 1-based position in the source components. */
export const FORCED_NOTES: Record<string, number[]> = {
  // "Người được ủy quyền … được ghi trong nghị quyết …; việc ủy quyền lại … theo pháp luật dân sự."
  '1.005280': [4],
  // "Trường hợp thiết kế … đã được … thẩm định, các bản vẽ … là bản sao hoặc tệp tin …" (form of the drawings)
  '1.009122': [6],
  // "Công dân chuẩn bị hồ sơ và thực hiện đồng thời thủ tục … cùng với thủ tục cấp thẻ căn cước." (an instruction)
  '3.000228': [4],
}
