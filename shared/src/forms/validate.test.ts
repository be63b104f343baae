import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import * as v from 'valibot'
import type { Field, FormDefinition } from './definition.ts'
import { formProgress, formSchema, validateField, validateForm } from './validate.ts'
import { isFieldVisible, pruneHidden } from './visibility.ts'
import { parseAddressDataset } from './address.ts'

const today = '2025-08-01'
const addresses = parseAddressDataset(JSON.parse(readFileSync(new URL('../../data/addresses.json', import.meta.url), 'utf8')))
const ctx = { today, addresses }
const codes = (field: Field, value: unknown) => validateField(field, value, ctx).map((i) => i.code)
const L = { vi: 'x', en: 'x' }

describe('validateField, per kind', () => {
  it('text: required, trimmed, NFC, max length', () => {
    const f: Field = { id: 'name', kind: 'text', label: L, required: true, maxLength: 5 }
    expect(codes(f, '   ')).toEqual(['required'])
    expect(codes(f, ' Huệ ')).toEqual([])
    expect(codes(f, 'He\u0302\u0323 ')).toEqual([])
    expect(validateField(f, 'abcdef', ctx)).toEqual([{ path: 'name', code: 'text.tooLong', params: { max: 5 } }])
    expect(codes({ ...f, required: false }, '')).toEqual([])
  })

  it('number: type, integer, bounds', () => {
    const f: Field = { id: 'n', kind: 'number', label: L, integer: true, min: 1, max: 20 }
    expect(codes(f, 3)).toEqual([])
    expect(codes(f, '3')).toEqual([])
    expect(codes(f, 2.5)).toEqual(['number.notInteger'])
    expect(codes(f, 0)).toEqual(['number.tooSmall'])
    expect(codes(f, 21)).toEqual(['number.tooLarge'])
    expect(codes(f, 'ba')).toEqual(['number.invalid'])
  })

  it('date: real calendar date, bounds with today', () => {
    const f: Field = { id: 'd', kind: 'date', label: L, min: '1900-01-01', max: 'today' }
    expect(codes(f, '2024-02-29')).toEqual([])
    expect(codes(f, '2023-02-29')).toEqual(['date.invalid'])
    expect(codes(f, '29/02/2024')).toEqual(['date.invalid'])
    expect(validateField(f, '2025-08-02', ctx)).toEqual([{ path: 'd', code: 'date.tooLate', params: { max: '01/08/2025' } }])
    expect(codes(f, '1899-12-31')).toEqual(['date.tooEarly'])
  })

  it('select, radio and checkbox', () => {
    const options = [{ value: 'a', label: L }, { value: 'b', label: L }]
    expect(codes({ id: 's', kind: 'select', label: L, options }, 'a')).toEqual([])
    expect(codes({ id: 's', kind: 'radio', label: L, options }, 'c')).toEqual(['choice.invalid'])
    expect(codes({ id: 'c', kind: 'checkbox', label: L, options }, ['a', 'b'])).toEqual([])
    expect(codes({ id: 'c', kind: 'checkbox', label: L, options }, ['z'])).toEqual(['choice.invalid'])
    expect(codes({ id: 'c', kind: 'checkbox', label: L, required: true }, false)).toEqual(['required'])
    expect(codes({ id: 'c', kind: 'checkbox', label: L, required: true }, true)).toEqual([])
  })

  it('email, phone, identity number', () => {
    expect(codes({ id: 'e', kind: 'email', label: L }, ' an@Example.VN ')).toEqual([])
    expect(codes({ id: 'e', kind: 'email', label: L }, 'an@')).toEqual(['email.invalid'])
    const phone: Field = { id: 'p', kind: 'phone', label: L }
    expect(codes(phone, '+84 912 345 678')).toEqual([])
    expect(codes(phone, '024 3825 1234')).toEqual([])
    expect(codes(phone, '0512345678')).toEqual(['phone.mobilePrefix'])
    expect(codes(phone, '12345')).toEqual(['phone.invalid'])
    const id: Field = { id: 'i', kind: 'identityNumber', label: L }
    expect(codes(id, '001 090 123456')).toEqual([])
    expect(codes(id, '12345')).toEqual(['identityNumber.format'])
    expect(codes(id, '003090123456')).toEqual(['identityNumber.province'])
  })

  it('address: province among the 34, commune of that province, street when required', () => {
    const f: Field = { id: 'a', kind: 'address', label: L, required: true }
    expect(codes(f, { provinceCode: '01', communeCode: '00004', street: 'Số 1' })).toEqual([])
    expect(codes(f, { provinceCode: '02', communeCode: '00004', street: 'Số 1' })).toEqual(['address.province'])
    expect(codes(f, { provinceCode: '79', communeCode: '00004', street: 'Số 1' })).toEqual(['address.commune'])
    expect(codes(f, { provinceCode: '01', communeCode: '00004', street: ' ' })).toEqual(['address.street'])
    expect(codes({ ...f, required: false }, { provinceCode: '01', communeCode: '00004', street: '' })).toEqual([])
    expect(codes(f, 'Hà Nội')).toEqual(['address.invalid'])
    expect(codes(f, { provinceCode: '', communeCode: '', street: '' })).toEqual(['required'])
  })
})

const form: FormDefinition = {
  id: 't',
  title: L,
  version: 1,
  sections: [
    {
      id: 's1',
      title: L,
      fields: [
        { id: 'name', kind: 'text', label: L, required: true },
        { id: 'idNumber', kind: 'identityNumber', label: L, required: true, about: { person: 'me', fact: 'identityNumber' } },
        { id: 'birthDate', kind: 'date', label: L, required: true, about: { person: 'me', fact: 'birthDate' } },
        { id: 'sex', kind: 'radio', label: L, options: [{ value: 'male', label: L }, { value: 'female', label: L }], about: { person: 'me', fact: 'sex' } },
        { id: 'wantCopies', kind: 'checkbox', label: L },
        { id: 'copyCount', kind: 'number', label: L, required: true, min: 1, showWhen: { field: 'wantCopies', equals: true } },
        { id: 'copyNote', kind: 'text', label: L, required: true, showWhen: { field: 'copyCount' } },
        {
          id: 'members', kind: 'group', label: L, itemLabel: L, max: 2,
          fields: [
            { id: 'name', kind: 'text', label: L, required: true },
            { id: 'hasPhone', kind: 'radio', label: L, options: [{ value: 'yes', label: L }, { value: 'no', label: L }] },
            { id: 'phone', kind: 'phone', label: L, required: true, showWhen: { field: 'hasPhone', in: ['yes'] } },
          ],
        },
      ],
    },
  ],
}

const ok = { name: 'An', idNumber: '001090123456', birthDate: '1990-05-01', sex: 'male' }

describe('validateForm', () => {
  it('passes a complete form, skipping hidden fields', () => {
    expect(validateForm(form, ok, ctx)).toEqual([])
  })

  it('reports every issue with its path, groups included', () => {
    const issues = validateForm(form, { ...ok, name: '', wantCopies: true, members: [{ name: 'B', hasPhone: 'yes', phone: '123' }, { hasPhone: 'no', phone: '123' }] }, ctx)
    expect(issues).toEqual([
      { path: 'name', code: 'required' },
      { path: 'copyCount', code: 'required' },
      { path: 'members.0.phone', code: 'phone.invalid' },
      { path: 'members.1.name', code: 'required' },
    ])
  })

  it('reports too many group items and a wrong type', () => {
    const issues = validateForm(form, { ...ok, members: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, ctx)
    expect(issues).toEqual([{ path: 'members', code: 'group.tooMany', params: { max: 2 } }])
    expect(validateForm(form, { ...ok, members: 'x' }, ctx)).toEqual([{ path: 'members', code: 'invalid' }])
  })

  it('checks the identity number against birth year and sex of the same person', () => {
    expect(validateForm(form, { ...ok, birthDate: '1991-05-01' }, ctx)).toEqual([
      { path: 'idNumber', code: 'identityNumber.birthYearMismatch', params: { year: 1990 } },
    ])
    expect(validateForm(form, { ...ok, sex: 'female' }, ctx)).toEqual([{ path: 'idNumber', code: 'identityNumber.sexMismatch' }])
  })

  it('hides a field whose condition depends on a hidden field', () => {
    // copyCount keeps a stale value but wantCopies is off: copyCount is hidden, so copyNote too.
    expect(validateForm(form, { ...ok, copyCount: 2 }, ctx)).toEqual([])
    expect(validateForm(form, { ...ok, wantCopies: true, copyCount: 2 }, ctx)).toEqual([{ path: 'copyNote', code: 'required' }])
  })
})

describe('visibility and pruning', () => {
  const fields = form.sections[0]!.fields
  const copyCount = fields.find((f) => f.id === 'copyCount')!
  it('isFieldVisible reads the scope first, then the top level', () => {
    expect(isFieldVisible(copyCount, { wantCopies: true })).toBe(true)
    expect(isFieldVisible(copyCount, { wantCopies: false })).toBe(false)
    const phone = (fields.find((f) => f.id === 'members') as { fields: readonly Field[] }).fields[2]!
    expect(isFieldVisible(phone, {}, { hasPhone: 'yes' })).toBe(true)
    expect(isFieldVisible(phone, { hasPhone: 'yes' }, { hasPhone: 'no' })).toBe(false)
  })

  it('pruneHidden keeps shown fields only, chains and group items included', () => {
    const values = { name: 'An', wantCopies: false, copyCount: 2, copyNote: 'x', stray: 1, members: [{ name: 'B', hasPhone: 'no', phone: '0912345678' }] }
    expect(pruneHidden(form, values)).toEqual({ name: 'An', wantCopies: false, members: [{ name: 'B', hasPhone: 'no' }] })
  })

  it('formProgress counts shown required fields, inside groups too', () => {
    expect(formProgress(form, {})).toEqual({ answered: 0, required: 3 })
    expect(formProgress(form, { name: 'An', wantCopies: true, members: [{ name: 'B' }] })).toEqual({ answered: 2, required: 5 })
  })
})

describe('formSchema', () => {
  it('outputs normalised pruned values, or issues with dotted paths and codes', () => {
    const schema = formSchema(form, ctx)
    const good = v.safeParse(schema, { ...ok, name: ' An ', copyCount: 3 })
    expect(good.success && good.output).toEqual({ ...ok, name: 'An' })
    const bad = v.safeParse(schema, { ...ok, members: [{ name: '' }] })
    expect(bad.success).toBe(false)
    const issue = bad.issues![0]
    expect(v.getDotPath(issue)).toBe('members.0.name')
    expect(issue.expected).toBe('required')
    expect(issue.message).toBe('Vui lòng nhập x.')
  })
})
