import { describe, expect, it } from 'vitest'
import { groupUnits, unitName } from './units.ts'

const UNITS = [
  { code: '000.00.D8.H55', name: 'Ủy ban nhân dân phường Phan Đình Phùng' },
  { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
  { code: 'H55.242.1', name: 'Công chức Tư pháp - Hộ tịch', parent: '000.00.D8.H55' },
  { code: 'H55.301.1', name: 'Phòng Hộ tịch', parent: '000.00.01.H55' },
]

describe('units to hand a dossier to', () => {
  it('are named from the list, by code otherwise', () => {
    expect(unitName(UNITS, 'H55.242.1')).toBe('Công chức Tư pháp - Hộ tịch')
    expect(unitName(UNITS, 'H55.999')).toBe('H55.999')
    expect(unitName(UNITS, undefined)).toBe('')
  })

  it('are grouped: the agency holding the dossier and its units, then the others', () => {
    expect(groupUnits(UNITS, '000.00.D8.H55')).toEqual({ own: [UNITS[0], UNITS[2]], others: [UNITS[1], UNITS[3]] })
  })
})
