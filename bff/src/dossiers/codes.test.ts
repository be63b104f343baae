import { expect, it } from 'vitest'
import { canonicalHash, canonicalJson } from './canonical.ts'
import { dossierCode, vietnamDay, vietnamIso, vietnamReadable } from './codes.ts'

it('dates a receipt in Vietnam time: the day turns at 17:00 UTC, the year too', () => {
  expect(vietnamDay(new Date('2026-07-01T16:59:59.999Z'))).toBe('260701')
  expect(vietnamDay(new Date('2026-07-01T17:00:00.000Z'))).toBe('260702')
  expect(vietnamDay(new Date('2026-12-31T17:00:00.000Z'))).toBe('270101')
  expect(vietnamIso(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01T00:00:00+07:00')
  expect(vietnamReadable('2027-01-01T00:05:00+07:00')).toBe('00:05 ngày 01/01/2027')
})

it('pads the number to 4 digits and widens past 9,999', () => {
  expect(dossierCode('000.00.01.H55', '260701', 7)).toBe('000.00.01.H55-260701-0007')
  expect(dossierCode('000.00.01.H55', '260701', 12345)).toBe('000.00.01.H55-260701-12345')
})

it('hashes the canonical form: key order and undefined members do not count, array order does', () => {
  expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}')
  expect(canonicalHash({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalHash({ b: { d: 3, c: 2 }, a: 1, e: undefined }))
  expect(canonicalHash({ files: [1, 2] })).not.toBe(canonicalHash({ files: [2, 1] }))
})
