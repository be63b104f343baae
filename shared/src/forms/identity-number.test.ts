import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BIRTH_PROVINCE_CODES, identityNumberFacts, identityNumberProblem } from './identity-number.ts'

const TODAY = '2025-08-01'
const provinces = Object.keys(BIRTH_PROVINCE_CODES)
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))

/** A structurally valid number for someone born 1900–2025. */
const validNumber = fc
  .record({ province: fc.constantFrom(...provinces), year: fc.integer({ min: 1900, max: 2025 }), female: fc.boolean(), tail: digits(6) })
  .map(({ province, year, female, tail }) => {
    const century = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0)
    return { n: `${province}${century}${String(year % 100).padStart(2, '0')}${tail}`, year, female, province }
  })

describe('identity number', () => {
  it('has the 63 pre-2025 province codes', () => {
    expect(provinces).toHaveLength(63)
    expect(BIRTH_PROVINCE_CODES['001']).toBe('Hà Nội')
    expect(BIRTH_PROVINCE_CODES['096']).toBe('Cà Mau')
  })

  it('accepts generated valid numbers and reads their facts back', () => {
    fc.assert(
      fc.property(validNumber, ({ n, year, female, province }) => {
        expect(identityNumberProblem(n, TODAY)).toBeNull()
        expect(identityNumberFacts(n)).toEqual({ provinceCode: province, sex: female ? 'female' : 'male', birthYear: year })
      }),
    )
  })

  it('refuses a province code that is not one of the 63', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 }), ({ n }, pos, d) => {
        const corrupted = n.slice(0, pos) + d + n.slice(pos + 1)
        fc.pre(!(corrupted.slice(0, 3) in BIRTH_PROVINCE_CODES))
        expect(identityNumberProblem(corrupted, TODAY)).toBe('identityNumber.province')
      }),
    )
  })

  it('refuses a century digit that puts the birth year in the future', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 4, max: 9 }), ({ n }, century) => {
        expect(identityNumberProblem(n.slice(0, 3) + century + n.slice(4), TODAY)).toBe('identityNumber.futureYear')
      }),
    )
  })

  it('refuses a digit dropped, added or replaced by a non-digit', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 11 }), ({ n }, pos) => {
        expect(identityNumberProblem(n.slice(0, pos) + n.slice(pos + 1), TODAY)).toBe('identityNumber.format')
        expect(identityNumberProblem(n + '1', TODAY)).toBe('identityNumber.format')
        expect(identityNumberProblem(n.slice(0, pos) + 'a' + n.slice(pos + 1), TODAY)).toBe('identityNumber.format')
      }),
    )
  })

  it('reads a year in 2025 as born, in 2026 as future (on 2025-08-01)', () => {
    expect(identityNumberProblem('001225123456', TODAY)).toBeNull()
    expect(identityNumberProblem('001226123456', TODAY)).toBe('identityNumber.futureYear')
    expect(identityNumberFacts('079300012345')).toEqual({ provinceCode: '079', sex: 'female', birthYear: 2000 })
  })
})
