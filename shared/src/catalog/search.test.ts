import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createProcedureIndex } from './search.ts'
import { fixtureFields, fixtureKinds, fixtureProcedure } from './fixtures.ts'

const birth = fixtureProcedure({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', result: 'Giấy khai sinh' })
const marriage = fixtureProcedure({ code: '1.000894', name: 'Thủ tục đăng ký kết hôn' })
const building = fixtureProcedure({
  code: '1.013225',
  name: 'Cấp giấy phép xây dựng mới',
  field: 'xay-dung',
  components: [{ id: 'c1', name: 'Bản sao giấy khai sinh của chủ đầu tư', originals: 0, copies: 1, presentOnly: false }],
})
const index = createProcedureIndex([birth, marriage, building], fixtureFields, fixtureKinds)
const codes = (q: string) => index.search(q).map((h) => h.code)

describe('procedure search', () => {
  it('finds a name with or without diacritics, in both directions', () => {
    expect(codes('dang ky khai sinh')[0]).toBe('1.001193')
    expect(codes('Đăng ký khai sinh')[0]).toBe('1.001193')
    expect(codes('ĐĂNG KÝ KẾT HÔN')[0]).toBe('1.000894')
    expect(codes('đang ky ket hon')[0]).toBe('1.000894')
  })

  it('ranks a match in the name above the same words in the body', () => {
    expect(codes('khai sinh')).toEqual(['1.001193', '1.013225'])
  })

  it('matches unfinished words as the user types', () => {
    expect(codes('dang ky kh')[0]).toBe('1.001193')
    expect(codes('giay phep xay d')[0]).toBe('1.013225')
  })

  it('tolerates one typo in a word', () => {
    expect(codes('dang ky khai snh')[0]).toBe('1.001193')
    expect(codes('giay phep xay dmng')[0]).toBe('1.013225')
  })

  it('falls back to any word when no procedure has them all', () => {
    expect(codes('ket hon online')[0]).toBe('1.000894')
  })

  it('finds a procedure by its code', () => {
    expect(codes('1.013225')[0]).toBe('1.013225')
  })

  it('answers a blank query with nothing, and respects the limit', () => {
    expect(index.search('   ')).toEqual([])
    expect(index.search('dang ky', 1)).toHaveLength(1)
  })

  it('returns what it stored about each hit', () => {
    expect(index.search('ket hon')[0]).toMatchObject({ code: '1.000894', field: 'ho-tich', level: 'commune' })
  })

  it('finds every procedure by its own folded name, whatever the case or marks', () => {
    fc.assert(
      fc.property(fc.constantFrom(birth, marriage, building), fc.boolean(), (p, upper) => {
        const q = upper ? p.name.toUpperCase() : p.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        expect(codes(q)[0]).toBe(p.code)
      }),
    )
  })

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        expect(Array.isArray(index.search(q))).toBe(true)
      }),
    )
  })
})
