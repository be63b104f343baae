import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import extract from '@portal/shared/data/addresses.json'
import { parseAddressDataset } from '@portal/shared/forms/address'
import { formMessages } from '../drafts/messages.ts'
import { loadFeatureMessages } from '../i18n/index.ts'
import { mountFields } from './testing.ts'
import { eventually } from '../testing.ts'

vi.mock('./addresses.ts', () => ({ loadAddresses: async () => parseAddressDataset(extract) }))

let unmount: (() => void) | undefined
beforeAll(() => loadFeatureMessages(formMessages))
afterEach(() => unmount?.())

describe('address field', () => {
  it('offers the communes of the chosen province only, and clears the commune when the province changes', async () => {
    const { wrapper, values } = mountFields([{ id: 'home', kind: 'address', label: { vi: 'Nơi cư trú', en: 'Residence' }, required: true }])
    unmount = () => wrapper.unmount()
    await eventually(() => expect(wrapper.get('#f-home-province').findAll('option').length).toBe(35))
    expect(wrapper.get('fieldset legend').text()).toBe('Nơi cư trú')
    const province = wrapper.get('#f-home-province')
    expect((wrapper.get('#f-home-commune').element as HTMLSelectElement).disabled).toBe(true)
    await province.setValue('01')
    const communes = wrapper.get('#f-home-commune').findAll('option').map((o) => o.text())
    expect(communes).toContain('Phường Ba Đình')
    await wrapper.get('#f-home-commune').setValue(wrapper.get('#f-home-commune').findAll('option')[1]!.element.value)
    await wrapper.get('#f-home-street').setValue('12 Phố Huế')
    expect(values.value.home).toMatchObject({ provinceCode: '01', street: '12 Phố Huế' })
    const other = wrapper.get('#f-home-province').findAll('option')[2]!.element.value
    await province.setValue(other)
    expect(values.value.home).toMatchObject({ provinceCode: other, communeCode: '' })
  })
})
