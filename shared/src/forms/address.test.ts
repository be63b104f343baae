import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { communesOf, formatAddress, isValidAddress, parseAddressDataset } from './address.ts'

const json: unknown = JSON.parse(readFileSync(new URL('../../data/addresses.json', import.meta.url), 'utf8'))
const dataset = parseAddressDataset(json)

describe('address extract', () => {
  it('holds the 34 provinces and 3,321 communes since 1 July 2025, codes unique', () => {
    expect(dataset.provinces).toHaveLength(34)
    expect(dataset.communes).toHaveLength(3321)
    expect(new Set(dataset.provinces.map((p) => p.code)).size).toBe(34)
    expect(new Set(dataset.communes.map((c) => c.code)).size).toBe(3321)
    for (const c of dataset.communes) {
      expect(c.code).toMatch(/^\d{5}$/)
      expect(dataset.provinceByCode.has(c.provinceCode)).toBe(true)
    }
    expect(dataset.provinces.map((p) => p.code)).toEqual([
      '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
      '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
    ])
  })

  it('is small enough to ship', () => {
    expect(JSON.stringify(json).length).toBeLessThan(100_000)
  })

  it('knows which communes belong to a province', () => {
    const hanoi = communesOf(dataset, '01')
    expect(hanoi.find((c) => c.code === '00004')?.name).toBe('Phường Ba Đình')
    expect(hanoi.every((c) => c.provinceCode === '01')).toBe(true)
    expect(communesOf(dataset, '79').length).toBeGreaterThan(100)
  })

  it('validates and formats an address', () => {
    const a = { provinceCode: '01', communeCode: '00004', street: '12 Phố Điện Biên Phủ' }
    expect(isValidAddress(a, dataset)).toBe(true)
    expect(isValidAddress({ ...a, provinceCode: '79' }, dataset)).toBe(false)
    expect(isValidAddress({ ...a, communeCode: '99999' }, dataset)).toBe(false)
    expect(isValidAddress({ provinceCode: '01' }, dataset)).toBe(false)
    expect(formatAddress(a, dataset)).toBe('12 Phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội')
    expect(dataset.provinceByCode.get('04')?.name).toBe('Tỉnh Cao Bằng')
  })

  it('refuses a malformed or inconsistent file', () => {
    expect(() => parseAddressDataset({ version: '1', provinces: [['01', 'X', [1, 2], ['a']]] })).toThrow()
    expect(() => parseAddressDataset({ version: '1', provinces: [['01', 'X', [1], ['a']], ['02', 'Y', [1], ['b']]] })).toThrow(/duplicate/)
    expect(() => parseAddressDataset({})).toThrow()
  })
})
