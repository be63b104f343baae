import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LANDLINE_AREA_CODES, MOBILE_PREFIXES, phoneProblem } from './phone.ts'
import { normalizePhone } from './normalize.ts'

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
const mobile = fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), digits(7)).map(([p, rest]) => p + rest)
const landline = fc.tuple(fc.constantFrom(...LANDLINE_AREA_CODES), digits(8)).map(([code, rest]) => (code + rest).slice(0, 11))
const unallocated = ['030', '031', '050', '051', '053', '054', '057', '071', '072', '073', '074', '075', '080', '095']

describe('phone numbers', () => {
  it('accepts generated mobile numbers, also written +84 / 84 with spaces', () => {
    fc.assert(
      fc.property(mobile, (n) => {
        expect(phoneProblem(n)).toBeNull()
        expect(normalizePhone(`+84 ${n.slice(1, 4)} ${n.slice(4)}`)).toBe(n)
        expect(normalizePhone(`84${n.slice(1)}`)).toBe(n)
        expect(normalizePhone(`${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`)).toBe(n)
      }),
    )
  })

  it('accepts generated landline numbers (11 digits, a real area code)', () => {
    fc.assert(
      fc.property(landline, (n) => {
        expect(phoneProblem(n)).toBeNull()
      }),
    )
  })

  it('refuses an unallocated mobile prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...unallocated), digits(7), (p, rest) => {
        expect(phoneProblem(p + rest)).toBe('phone.mobilePrefix')
      }),
    )
  })

  // Dropping the "2" of "028…" can leave a valid 08x mobile number: landlines lose a digit after the area code.
  it('refuses a number with a digit dropped or added', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, landline), fc.nat(), (n, i) => {
        const first = n.startsWith('02') ? 4 : 0
        const pos = first + (i % (n.length - first))
        expect(phoneProblem(n.slice(0, pos) + n.slice(pos + 1))).not.toBeNull()
        expect(phoneProblem(n + '0')).not.toBeNull()
      }),
    )
  })

  it('refuses an unknown landline area code', () => {
    expect(phoneProblem('02171234567')).toBe('phone.landlineArea')
    expect(phoneProblem('02431234567')).toBeNull()
    expect(phoneProblem('0912345678')).toBeNull()
    expect(phoneProblem('1912345678')).toBe('phone.invalid')
  })
})
