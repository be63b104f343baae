/**
 * The 54 ethnic groups of Việt Nam with the statistics-office codes 01–54 (Danh mục các dân
 * tộc Việt Nam, Quyết định 121-TCTK/PPCĐ of 1979, still used by the population database).
 * Names are proper nouns: the English label is the same name ("Kinh", "Tày"...).
 */
import type { Option } from './definition.ts'

const NAMES = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai',
  'Ngái', 'Ê Đê', 'Ba Na', 'Xơ Đăng', 'Sán Chay', 'Cơ Ho', 'Chăm', 'Sán Dìu', 'Hrê', 'Mnông',
  'Ra Glai', 'Xtiêng', 'Bru - Vân Kiều', 'Thổ', 'Giáy', 'Cơ Tu', 'Gié Triêng', 'Mạ', 'Khơ Mú', 'Co',
  'Tà Ôi', 'Chơ Ro', 'Kháng', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'La Ha', 'Phù Lá',
  'La Hủ', 'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Pà Thẻn', 'Cơ Lao', 'Cống', 'Bố Y', 'Si La',
  'Pu Péo', 'Brâu', 'Ơ Đu', 'Rơ Măm',
] as const

export const ETHNIC_GROUPS: readonly Option[] = NAMES.map((name, i) => ({
  value: String(i + 1).padStart(2, '0'),
  label: { vi: name, en: name === 'Kinh' ? 'Kinh (Viet)' : name },
}))
