import { describe, expect, it } from 'vitest'
import type { AgencyDirectory } from '@portal/shared/catalog/schema'
import { issuerOf } from './issuer.ts'

const directory: AgencyDirectory = {
  province: { code: 'H55', name: 'Thái Nguyên', statisticsCode: '19' },
  agencies: [
    { code: '000.00.00.H55', name: 'Ủy ban nhân dân tỉnh Thái Nguyên', nameEn: 'PPC', kind: 'province-committee' },
    { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'DoJ', kind: 'department-justice', phone: '0208 3855 123' },
    { code: '000.10.01.H55', name: 'Phòng Hành chính tư pháp', nameEn: 'Division', kind: 'department-justice', parent: '000.00.01.H55', unit: true },
  ],
}

describe('issuerOf', () => {
  it('puts the province committee above a department, the parent above a unit, nothing above the committee', () => {
    expect(issuerOf(directory, '000.00.01.H55', 'x')).toMatchObject({ governing: 'Ủy ban nhân dân tỉnh Thái Nguyên', agency: 'Sở Tư pháp tỉnh Thái Nguyên', place: 'Thái Nguyên', phone: '0208 3855 123' })
    expect(issuerOf(directory, '000.10.01.H55', 'x')).toMatchObject({ governing: 'Sở Tư pháp tỉnh Thái Nguyên', agency: 'Phòng Hành chính tư pháp' })
    expect(issuerOf(directory, '000.00.00.H55', 'x').governing).toBeUndefined()
  })

  it('names units from the directory and prints an unknown code as a code; an agency missing from it keeps the receipt’s name', () => {
    const issuer = issuerOf(directory, '000.00.09.H55', 'Sở đã đổi tên')
    expect(issuer.agency).toBe('Sở đã đổi tên')
    expect(issuer.unitName('000.10.01.H55')).toBe('Phòng Hành chính tư pháp')
    expect(issuer.unitName('H55.242')).toBe('Đơn vị mã H55.242')
  })
})
