import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseAddressDataset } from './address.ts'
import type { Field, FormDefinition } from './definition.ts'
import birth from './definitions/khai-sinh.ts'
import { prefillEntries, prefillTargets, prefillValue, type ClaimsProfile } from './prefill.ts'
import { validateForm } from './validate.ts'

const addresses = parseAddressDataset(JSON.parse(readFileSync(new URL('../../data/addresses.json', import.meta.url), 'utf8')))
const t = (vi: string) => ({ vi, en: vi })

/** As GET /api/me answers for the demo citizen Nguyễn Văn An. */
const AN: ClaimsProfile = {
  name: 'Nguyễn Văn An',
  identityNumber: '019085004127',
  birthDate: '1985-03-14',
  address: { formatted: 'Số 12 đường Hoàng Văn Thụ, tổ 5, Phường Phan Đình Phùng, tỉnh Thái Nguyên', streetAddress: 'Số 12 đường Hoàng Văn Thụ, tổ 5', provinceCode: '19', communeCode: '05443' },
  phone: '+84912345678',
  email: 'nguyenvanan@example.com',
}

describe('values from the claims', () => {
  it('maps each source, normalised as the field stores it', () => {
    expect(prefillValue('fullName', AN)).toBe('Nguyễn Văn An')
    expect(prefillValue('identityNumber', AN)).toBe('019085004127')
    expect(prefillValue('birthDate', AN)).toBe('1985-03-14')
    expect(prefillValue('address', AN, addresses)).toEqual({ provinceCode: '19', communeCode: '05443', street: 'Số 12 đường Hoàng Văn Thụ, tổ 5' })
    expect(prefillValue('phone', AN)).toBe('0912345678')
    expect(prefillValue('email', { email: ' An@Example.COM ' })).toBe('An@example.com')
  })

  it('gives nothing for a missing or unusable claim', () => {
    expect(prefillValue('fullName', {})).toBeUndefined()
    expect(prefillValue('identityNumber', { identityNumber: '12345' })).toBeUndefined()
    for (const birthDate of ['1985', '0000-03-14', '1985-02-30', '14/03/1985']) expect(prefillValue('birthDate', { birthDate })).toBeUndefined()
    expect(prefillValue('address', { address: { formatted: 'Số 12, Phường Phan Đình Phùng' } })).toBeUndefined()
    expect(prefillValue('phone', { phone: '' })).toBeUndefined()
  })

  it('uses the address extract’s codes: pads dropped zeros, refuses a commune of another province', () => {
    expect(prefillValue('address', { address: { provinceCode: '1', communeCode: '4', streetAddress: ' 12  Phố Huế ' } }, addresses)).toEqual({ provinceCode: '01', communeCode: '00004', street: '12 Phố Huế' })
    expect(prefillValue('address', { address: { provinceCode: '01', communeCode: '05443' } }, addresses)).toBeUndefined()
    expect(prefillValue('address', { address: { provinceCode: '19', communeCode: '99999' } }, addresses)).toBeUndefined()
    expect(prefillValue('address', { address: { provinceCode: '019', communeCode: '05443' } })).toBeUndefined()
    // Without the list, only the formats are checked.
    expect(prefillValue('address', { address: { provinceCode: '19', communeCode: '05443' } })).toEqual({ provinceCode: '19', communeCode: '05443', street: '' })
  })
})

describe('fields that take them', () => {
  it('finds the applicant of the birth registration, and its values pass the form’s own checks', () => {
    const targets = prefillTargets(birth.form!)
    expect(targets.map((x) => [x.path, x.field.prefill])).toEqual([
      ['applicantName', 'fullName'],
      ['applicantIdNumber', 'identityNumber'],
      ['applicantBirthDate', 'birthDate'],
      ['applicantResidence', 'address'],
      ['applicantPhone', 'phone'],
      ['applicantEmail', 'email'],
    ])
    const values = Object.fromEntries(prefillEntries(birth.form!, AN, undefined, addresses).map((e) => [e.path, e.value]))
    const issues = validateForm(birth.form!, values, { today: '2026-11-27', addresses })
    expect(issues.filter((i) => targets.some((x) => x.path === i.path))).toEqual([])
  })

  it('fills only empty fields, and inside a group only a marked field of an item that always exists', () => {
    const member = (id: string): Field => ({ id, kind: 'text', label: t(id), prefill: 'fullName' })
    const form: FormDefinition = {
      id: 'f',
      title: t('F'),
      version: 1,
      sections: [
        {
          id: 's',
          title: t('S'),
          fields: [
            { id: 'name', kind: 'text', label: t('Tên'), prefill: 'fullName' },
            { id: 'home', kind: 'address', label: t('Nơi ở'), prefill: 'address' },
            { id: 'born', kind: 'text', label: t('Sinh'), prefill: 'birthDate' },
            { id: 'plain', kind: 'text', label: t('Khác') },
            { id: 'members', kind: 'group', label: t('Thành viên'), itemLabel: t('Người'), min: 1, fields: [member('who'), { id: 'note', kind: 'text', label: t('Ghi chú') }] },
            { id: 'others', kind: 'group', label: t('Khác'), itemLabel: t('Người'), fields: [member('who')] },
          ],
        },
      ],
    }
    expect(prefillTargets(form).map((x) => x.path)).toEqual(['name', 'home', 'members.0.who'])
    const current: Record<string, unknown> = { name: 'Tên tự gõ', home: { provinceCode: '', communeCode: '', street: '' } }
    expect(prefillEntries(form, AN, (path) => current[path]).map((e) => e.path)).toEqual(['home', 'members.0.who'])
  })
})
