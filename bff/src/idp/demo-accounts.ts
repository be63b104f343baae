/**
 * DEMO DATA — invented people, for the embedded mode only. The server refuses to start the
 * embedded provider (and so these accounts) with NODE_ENV=production unless
 * IDP_ALLOW_IN_PRODUCTION=true (docs/configuration.md, docs/decisions/0005).
 *
 * Every account's password is DEMO_PASSWORD (stored only as scrypt hashes). Staff accounts have a
 * TOTP secret (base32, printed in docs/configuration.md) so a tester can add it to an
 * authenticator app. Identity numbers follow the real structure: province-of-birth code (019
 * Thái Nguyên), century/sex digit (0 male 19xx, 1 female 19xx, 2 male 20xx, 3 female 20xx),
 * two digits of the birth year, six serial digits. Addresses use the 2025 statistics-office codes
 * of communes in bff/src/catalog/seed/agencies.json.
 */
import type { AddressClaim, IdpAccount } from './accounts.ts'

export const DEMO_PASSWORD = 'Demo@2026!'

const PROVINCE = { name: 'Thái Nguyên', code: '19' }

function address(street: string, locality: string, communeCode: string): AddressClaim {
  return {
    formatted: `${street}, ${locality}, tỉnh ${PROVINCE.name}`,
    street_address: street,
    locality,
    region: `Tỉnh ${PROVINCE.name}`,
    country: 'VN',
    province_code: PROVINCE.code,
    commune_code: communeCode,
  }
}

const citizens: IdpAccount[] = [
  {
    sub: '845849a7-e18a-48fb-a216-a2522e50210e',
    username: '019085004127',
    passwordHash: 'scrypt$16384$8$1$kkpOcSF5JHf0qTXJdyJ3Fg$XYRiHQaSI9WeUEvRS-gsKM22dLGKO1Yn8i5mcwyJsHU',
    claims: {
      name: 'Nguyễn Văn An', family_name: 'Nguyễn', given_name: 'Văn An', gender: 'male', birthdate: '1985-03-14',
      identity_number: '019085004127', account_type: 'citizen', tech_id: '18c7893a-64ce-45d1-b119-ce72ce28fba9',
      phone_number: '+84912345678', phone_number_verified: true, email: 'nguyenvanan@example.com', email_verified: true,
      address: address('Số 12 đường Hoàng Văn Thụ, tổ 5', 'Phường Phan Đình Phùng', '05443'),
    },
  },
  {
    sub: 'daaa5f5e-d48b-4350-92cf-3e2971ef63ff',
    username: '019192007351',
    passwordHash: 'scrypt$16384$8$1$ns_fscS1_PpqHMeVpegM5A$-rw8b7bZnnaIgU6nDfLNEgRpHO7M3KV3TZernfpyZNQ',
    claims: {
      name: 'Trần Thị Bích Ngọc', family_name: 'Trần', given_name: 'Thị Bích Ngọc', gender: 'female', birthdate: '1992-11-02',
      identity_number: '019192007351', account_type: 'citizen', tech_id: '90242f02-34de-4fab-86af-eeb52f640ea3',
      phone_number: '+84983112233', phone_number_verified: true, email: 'tranbichngoc@example.com', email_verified: true,
      address: address('Số 45 đường Thống Nhất, tổ 3', 'Phường Gia Sàng', '05467'),
    },
  },
  {
    sub: '52002f65-bdd0-4c6f-9c25-9ed8fe70f46e',
    username: '019201003398',
    passwordHash: 'scrypt$16384$8$1$jcL_DFoO-qgUae5JtFBa-w$jNq8DKO91HLtD8qX1kObTfxnkR6ivNkbLGV5_aEKIaM',
    claims: {
      name: 'Hoàng Minh Đức', family_name: 'Hoàng', given_name: 'Minh Đức', gender: 'male', birthdate: '2001-06-25',
      identity_number: '019201003398', account_type: 'citizen', tech_id: '53481300-4c67-4166-a791-1015259508ed',
      phone_number: '+84356778899', phone_number_verified: true,
      address: address('Xóm Hợp Thành', 'Xã Tân Cương', '05503'),
    },
  },
  {
    sub: '801efbd2-e75d-489f-a6bd-f71bff17fad0',
    username: '019178005562',
    passwordHash: 'scrypt$16384$8$1$-B76prLuWGs1m2U3M_8wJQ$y09y1utAN3NMuja7x7v9UrRLq-tXRHF2jz3Up7JL3a0',
    claims: {
      name: 'Lê Thị Thu Hà', family_name: 'Lê', given_name: 'Thị Thu Hà', gender: 'female', birthdate: '1978-08-19',
      identity_number: '019178005562', account_type: 'citizen', tech_id: '691e774a-aeed-4dda-98ff-e5530df5db0c',
      phone_number: '+84209387654', phone_number_verified: false, email: 'lethuha@example.com', email_verified: false,
      address: address('Tổ 7', 'Phường Đức Xuân', '01840'),
    },
  },
  {
    sub: '7c3a6b54-ba81-4b43-9017-04b1b12fcd6a',
    username: '019303002846',
    passwordHash: 'scrypt$16384$8$1$QeociZcaMKb1uyj_eaEoiA$5cDG4msizG3m5UCN0ZlxGCrAafn1sfUVTgCbC5nDNCM',
    claims: {
      name: 'Đặng Thu Trang', family_name: 'Đặng', given_name: 'Thu Trang', gender: 'female', birthdate: '2003-01-30',
      identity_number: '019303002846', account_type: 'citizen', tech_id: '6756990f-b3bf-44d1-a308-674c636f685c',
      phone_number: '+84867001122', phone_number_verified: true, email: 'dangthutrang@example.com', email_verified: true,
      address: address('Số 8 đường Cách Mạng Tháng Tám, tổ 2', 'Phường Sông Công', '05518'),
    },
  },
]

/** An organisation signs in with its tax code (10 digits, valid check digit). */
const organisations: IdpAccount[] = [
  {
    sub: '543d34f3-cd5d-43ca-990f-ba23d3d34adb',
    username: '4602117891',
    passwordHash: 'scrypt$16384$8$1$9vsMqimPFvxvzqGmLT6p1A$VWREg65edEWJKIsA93dXlPUqVrwlRkB8BX3FSQtpJB0',
    claims: {
      name: 'Công ty TNHH Chè Tân Cương Xanh',
      account_type: 'organisation', tax_code: '4602117891', tech_id: '08f974d7-909d-4c27-b96f-6f82ea057e78',
      phone_number: '+842083855666', phone_number_verified: true, email: 'lienhe@chetancuongxanh.example.com', email_verified: true,
      address: address('Xóm Nam Đồng', 'Xã Tân Cương', '05503'),
    },
  },
]

interface StaffSeed {
  sub: string
  username: string
  passwordHash: string
  totpSecret: string
  techId: string
  family: string
  given: string
  gender: 'male' | 'female'
  birthdate: string
  identityNumber: string
  role: 'officer' | 'administrator'
  /** Officers only: the agency code in agencies.json and their duties there. */
  agencyCode?: string
  duties?: readonly ('reception' | 'processing' | 'approval')[]
}

const PHAN_DINH_PHUNG = '000.00.D8.H55' // Ủy ban nhân dân phường Phan Đình Phùng
const SO_TU_PHAP = '000.00.01.H55' // Sở Tư pháp tỉnh Thái Nguyên

const staff: StaffSeed[] = [
  {
    sub: '52885aa6-fb70-43f5-b646-564fb5841839', username: 'canbo.pdp1', techId: 'c1b65106-c473-4d43-8a39-04503a92c63b',
    passwordHash: 'scrypt$16384$8$1$BfCqo7qj1lxsCtDerVvseA$qZM9bYFnDJloGKvTTqRoQRerhNqPzSW7bjc5xItS90Q', totpSecret: 'ROX2KUEISS4WY75NCC2K6WAPBZWL43A7',
    family: 'Phạm', given: 'Thị Hồng', gender: 'female', birthdate: '1988-04-09', identityNumber: '019188006613',
    role: 'officer', agencyCode: PHAN_DINH_PHUNG, duties: ['reception'],
  },
  {
    sub: '81d52b3e-499e-4a49-932d-22d38a69d3e7', username: 'canbo.pdp2', techId: '48c49c27-83d7-434e-86d0-a4c326a326cd',
    passwordHash: 'scrypt$16384$8$1$L_K54gYCQcA5DsAJIDqQ6A$fplQGSc6SXunAWiXX2zwXG4gHgjVke_huQCnRDDWNg8', totpSecret: 'QBYXAZDN5M6ZVJ4JNN34MYIUXOOHXA4D',
    family: 'Vũ', given: 'Quang Huy', gender: 'male', birthdate: '1990-12-01', identityNumber: '019090004471',
    role: 'officer', agencyCode: PHAN_DINH_PHUNG, duties: ['processing', 'approval'],
  },
  {
    sub: '8ec7a5bd-9d5f-43a7-aeda-6f34fde4f6a5', username: 'canbo.stp1', techId: 'b632a3c4-637b-4dc1-8ef4-9de7173ff04a',
    passwordHash: 'scrypt$16384$8$1$a_VV5S1knEIklruc0tPbkw$etX9Dh_-p7sRd75VHftcLkpEKCNFz0GDL_ays4v9vg8', totpSecret: 'FITFQ64ZVXUWVJGTS3K3MAMGKZ2WYMEZ',
    family: 'Đỗ', given: 'Thị Mai', gender: 'female', birthdate: '1983-07-21', identityNumber: '019183002259',
    role: 'officer', agencyCode: SO_TU_PHAP, duties: ['reception'],
  },
  {
    sub: '67fa31b8-22e0-409a-88df-87333a32f96c', username: 'canbo.stp2', techId: 'b0a09f0a-2d14-4b90-b593-3a180756910d',
    passwordHash: 'scrypt$16384$8$1$rEUlHteGMbqqMPj26OjZlg$YeNq6FuIfAi-RfD_JM_tvrpNSdiMUhNyjv32o-Gx66Q', totpSecret: '7ZARMQ2UX26P23VVQY3KETGPNVKVQUG5',
    family: 'Ngô', given: 'Văn Thành', gender: 'male', birthdate: '1979-02-15', identityNumber: '019079008834',
    role: 'officer', agencyCode: SO_TU_PHAP, duties: ['processing', 'approval'],
  },
  {
    sub: '1ab5d687-a662-4c1f-b127-0a1c78fefd63', username: 'quantri', techId: '3a588148-2677-444e-97be-3b0be3f92461',
    passwordHash: 'scrypt$16384$8$1$umtIdxGfe95PM-8LAPYdAw$T1Zetg8djU_ApNS8ZwGgJ2NN9v_EJ9jTTTEPemybjr0', totpSecret: 'VBZZQU6WD2LERCINIVBQUQAULZOI4R6K',
    family: 'Bùi', given: 'Đức Long', gender: 'male', birthdate: '1986-10-05', identityNumber: '019086003317',
    role: 'administrator',
  },
]

function staffAccount(s: StaffSeed): IdpAccount {
  return {
    sub: s.sub,
    username: s.username,
    passwordHash: s.passwordHash,
    totpSecret: s.totpSecret,
    claims: {
      name: `${s.family} ${s.given}`, family_name: s.family, given_name: s.given, gender: s.gender, birthdate: s.birthdate,
      identity_number: s.identityNumber, account_type: 'citizen', tech_id: s.techId,
      email: `${s.username}@thainguyen.example.gov.vn`, email_verified: true,
    },
  }
}

export const demoAccounts: readonly IdpAccount[] = [...citizens, ...organisations, ...staff.map(staffAccount)]

/**
 * What the portal should seed for the demo staff (its roles are its own, src/accounts): one entry
 * per account, with the duties and agency the demo intends. The provider knows only that these
 * accounts need a second factor.
 */
export const demoStaff: readonly {
  sub: string
  username: string
  name: string
  role: 'officer' | 'administrator'
  agencyCode?: string
  duties?: readonly ('reception' | 'processing' | 'approval')[]
  /** Base32, for tests and testers (an authenticator app takes it as a "setup key"). */
  totpSecret: string
}[] = staff.map((s) => ({
  sub: s.sub,
  username: s.username,
  name: `${s.family} ${s.given}`,
  role: s.role,
  ...(s.agencyCode ? { agencyCode: s.agencyCode, duties: s.duties } : {}),
  totpSecret: s.totpSecret,
}))
