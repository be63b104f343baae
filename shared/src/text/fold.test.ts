import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fold } from './fold.ts'

describe('fold', () => {
  it('drops Vietnamese diacritics and maps đ to d', () => {
    expect(fold('Đăng ký khai sinh')).toBe('dang ky khai sinh')
    expect(fold('Hộ tịch, Chứng thực, Đất đai')).toBe('ho tich, chung thuc, dat dai')
    expect(fold('ĐƯỜNG Ở Ữ Ỹ')).toBe('duong o u y')
  })

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Giấy chứng nhận quyền sử dụng đất'.normalize('NFC')
    expect(fold(nfc)).toBe(fold(nfc.normalize('NFD')))
  })

  it('is idempotent and leaves no combining mark, no đ and no capital', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = fold(s)
        expect(fold(once)).toBe(once)
        expect(once).not.toMatch(/[\u0300-\u036fđĐ]/)
        expect(once).toBe(once.toLowerCase())
      }),
    )
  })

  it('folds every Vietnamese letter to its ASCII base', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters.split('')), { minLength: 1 }), (chars) => {
        const word = chars.join('')
        expect(fold(word)).toMatch(/^[a-z]+$/)
        expect(fold(word.toUpperCase())).toBe(fold(word))
      }),
    )
  })
})
