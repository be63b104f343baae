import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Field } from '@portal/shared/forms/definition'
import { loadFeatureMessages } from '../i18n/index.ts'
import { formMessages } from '../drafts/messages.ts'
import { mountFields } from './testing.ts'

const t = (vi: string) => ({ vi, en: vi })
let cleanup: (() => void) | undefined
beforeAll(() => loadFeatureMessages(formMessages))
afterEach(() => cleanup?.())

function setup(fields: Field[], initial = {}, prefilled: string[] = []) {
  const mounted = mountFields(fields, initial, prefilled)
  cleanup = () => mounted.wrapper.unmount()
  return mounted
}

describe('form fields', () => {
  it('labels a text field, links its hint, and shows a required error only once left', async () => {
    const { wrapper } = setup([{ id: 'name', kind: 'text', label: t('Họ và tên'), hint: t('Như trên giấy tờ'), required: true }])
    const input = wrapper.get('input')
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('aria-describedby')).toBe('f-name-hint')
    expect(wrapper.find('.field-error').exists()).toBe(false)
    await input.trigger('focus')
    await input.trigger('blur')
    expect(wrapper.get('.field-error').text()).toMatch(/label/)
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('f-name-hint f-name-error')
    await input.setValue('Nguyễn Văn An')
    expect(wrapper.find('.field-error').exists()).toBe(false)
  })

  it('opens the numeric keypad for an identity number and reports a malformed one', async () => {
    const { wrapper, values } = setup([{ id: 'id', kind: 'identityNumber', label: t('Số định danh'), required: true }])
    const input = wrapper.get('input')
    expect(input.attributes('inputmode')).toBe('numeric')
    await input.setValue('12345')
    await input.trigger('blur')
    expect(values.value).toEqual({ id: '12345' })
    expect(wrapper.get('.field-error').text()).not.toBe('')
  })

  it('stores a date typed as day, month, year as ISO', async () => {
    const { wrapper, values } = setup([{ id: 'born', kind: 'date', label: t('Ngày sinh'), required: true }])
    expect(wrapper.get('legend').text()).toBe('Ngày sinh')
    await wrapper.get('#f-born-day').setValue('5')
    await wrapper.get('#f-born-month').setValue('3')
    await wrapper.get('#f-born-year').setValue('2024')
    expect(values.value).toEqual({ born: '2024-03-05' })
    expect((wrapper.get('#f-born-day').element as HTMLInputElement).value).toBe('05')
  })

  it('groups radios in a fieldset and shows a conditional field when its condition holds', async () => {
    const { wrapper, values } = setup([
      { id: 'known', kind: 'radio', label: t('Có cha?'), required: true, options: [{ value: 'yes', label: t('Có') }, { value: 'no', label: t('Không') }] },
      { id: 'father', kind: 'text', label: t('Tên cha'), required: true, showWhen: { field: 'known', equals: 'yes' } },
    ])
    expect(wrapper.get('fieldset legend').text()).toBe('Có cha?')
    expect(wrapper.find('#f-father').exists()).toBe(false)
    await wrapper.get('#f-known-0').setValue(true)
    expect(values.value).toEqual({ known: 'yes' })
    expect(wrapper.find('#f-father').exists()).toBe(true)
  })

  it('keeps several checkboxes’ choices in the definition’s order, and one box as a boolean', async () => {
    const { wrapper, values } = setup([
      { id: 'papers', kind: 'checkbox', label: t('Giấy tờ'), options: [{ value: 'a', label: t('A') }, { value: 'b', label: t('B') }] },
      { id: 'agree', kind: 'checkbox', label: t('Tôi cam đoan'), required: true },
    ])
    await wrapper.get('#f-papers-1').setValue(true)
    await wrapper.get('#f-papers-0').setValue(true)
    await wrapper.get('#f-agree').setValue(true)
    expect(values.value).toEqual({ papers: ['a', 'b'], agree: true })
  })

  it('adds and removes the items of a repeated group', async () => {
    const { wrapper, values } = setup([
      { id: 'kids', kind: 'group', label: t('Con'), itemLabel: t('Người con'), max: 2, fields: [{ id: 'name', kind: 'text', label: t('Tên'), required: true }] },
    ])
    await wrapper.get('#f-kids-add').trigger('click')
    await wrapper.get('#f-kids-0-name').setValue('An')
    await wrapper.get('#f-kids-add').trigger('click')
    expect(wrapper.find('#f-kids-add').exists()).toBe(false)
    expect(values.value).toEqual({ kids: [{ name: 'An' }, {}] })
    await wrapper.findAll('.group-item button')[0]!.trigger('click')
    expect(values.value).toEqual({ kids: [{}] })
    await flushPromises()
  })

  it('marks a value filled from the account under the label, described to the control, until it is changed', async () => {
    const { wrapper } = setup([{ id: 'email', kind: 'email', label: t('Email'), hint: t('Để nhận thông báo'), prefill: 'email' }], { email: 'an@example.com' }, ['email'])
    const note = wrapper.get('.field-prefilled')
    expect(note.text()).toBe('Đã điền sẵn từ tài khoản định danh')
    expect(wrapper.get('label').element.nextElementSibling).toBe(note.element)
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('f-email-prefilled f-email-hint')
    await wrapper.get('input').setValue('an.nguyen@example.com')
    expect(wrapper.find('.field-prefilled').exists()).toBe(false)
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('f-email-hint')
  })

  it('keeps a number it cannot read as typed', async () => {
    const { wrapper, values } = setup([{ id: 'n', kind: 'number', label: t('Số'), integer: true }])
    await wrapper.get('input').setValue('12')
    expect(values.value).toEqual({ n: 12 })
    await wrapper.get('input').setValue('12a')
    expect(values.value).toEqual({ n: '12a' })
  })
})
