import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import birth from '@portal/shared/forms/definitions/khai-sinh'
import { agenciesFixture, catalogFixture } from '../catalog/fixtures.ts'
import { replaceCatalog } from '../catalog/local.ts'
import { portalDb } from '../db.ts'
import { i18n, setLocale } from '../i18n/index.ts'
import { router as appRouter } from '../router.ts'
import { settle, eventually } from '../testing.ts'

// One section of a draft (/ho-so/:id/:section): the definition's fields, an error under a
// field once it is left, and on "Lưu và tiếp tục" the error summary, in Vietnamese.

const ID = 'draft-1'
const applicant = birth.form!.sections.find((s) => s.id === 'applicant')!

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, Date.UTC(2026, 10, 27, 8))
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
beforeEach(async () => {
  localStorage.clear()
  const db = await portalDb()
  await db.drafts.clear()
  await db.drafts.add({ id: ID, procedureCode: '1.001193', title: 'Thủ tục đăng ký khai sinh', formVersion: 1, status: 'editing', values: {}, fieldTimes: {}, createdAt: 1, updatedAt: 1 })
  // The address field loads the address list; this section's tests do not need it.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 })))
})
afterEach(async () => {
  await setLocale('vi')
  vi.unstubAllGlobals()
})
enableAutoUnmount(afterEach)

/** As testing.ts's mountAt, attached to the document so that focus can be checked. */
async function openSection(section = 'applicant') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: appRouter.options.routes })
  await router.push(`/ho-so/${ID}/${section}`)
  await router.isReady()
  const wrapper = mount(defineComponent(() => () => h(RouterView)), { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  await flushPromises()
  await eventually(() => expect(wrapper.find('form.form-step').exists()).toBe(true))
  await settle()
  return { wrapper, router }
}

describe('a section of the form', () => {
  it('renders the fields of the definition, labelled, with the step it is', async () => {
    const { wrapper } = await openSection()
    expect(wrapper.get('form.form-step h1').text()).toBe('Người yêu cầu')
    expect(wrapper.get('.step-of').text()).toMatch(/^Bước 1\/\d+$/)
    const labels = wrapper.findAll('form.form-step label, form.form-step legend').map((l) => l.text())
    for (const field of applicant.fields) expect(labels.some((label) => label.startsWith(field.label.vi))).toBe(true)
    // Every control is labelled: its id has a label[for] or sits in a labelled fieldset.
    for (const input of wrapper.findAll('form.form-step input:not([type=radio]):not([type=checkbox]), form.form-step select')) {
      expect(wrapper.find(`label[for="${input.attributes('id')}"]`).exists()).toBe(true)
    }
    expect(wrapper.get('button[type=submit]').text()).toBe('Lưu và tiếp tục')
    expect(document.title).toBe('Người yêu cầu — Thủ tục đăng ký khai sinh | Cổng Dịch vụ công Thái Nguyên')
  })

  it('shows a field’s error under it, in Vietnamese, once the field is left', async () => {
    const { wrapper } = await openSection()
    const name = wrapper.get('#f-applicantName')
    await name.trigger('focus')
    expect(wrapper.find('#f-applicantName-error').exists()).toBe(false)
    await name.trigger('blur')
    expect(wrapper.get('#f-applicantName-error').text()).toContain('Vui lòng nhập Họ, chữ đệm, tên người yêu cầu')
    expect(name.attributes('aria-invalid')).toBe('true')
    expect(name.attributes('aria-describedby')).toContain('f-applicantName-error')

    const idNumber = wrapper.get('#f-applicantIdNumber')
    await idNumber.setValue('12345')
    await idNumber.trigger('blur')
    expect(wrapper.get('#f-applicantIdNumber-error').text()).toMatch(/12 chữ số/)
    await idNumber.setValue('001090123456')
    expect(wrapper.find('#f-applicantIdNumber-error').exists()).toBe(false)
  })

  it('lists every problem in an error summary on continue, focused, each linked to its control', async () => {
    const { wrapper, router } = await openSection()
    await wrapper.get('#f-applicantName').setValue('Nguyễn Văn An')
    await wrapper.get('#f-applicantPhone').setValue('12 34')
    await wrapper.get('form.form-step').trigger('submit')
    await settle()

    const summary = wrapper.get('.error-summary')
    expect(summary.attributes('role')).toBe('alert')
    expect(summary.get('h2').text()).toBe('Cần sửa những mục sau')
    expect(document.activeElement).toBe(summary.element)
    const links = summary.findAll('a')
    expect(links.length).toBeGreaterThan(1)
    expect(links.map((a) => a.text())).toContain('Số điện thoại chưa đúng. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định có 11 chữ số, bắt đầu bằng 02.')
    expect(links.some((a) => a.text().includes('Vui lòng nhập Số định danh cá nhân'))).toBe(true)
    expect(links.some((a) => a.text().includes('Họ, chữ đệm, tên người yêu cầu'))).toBe(false)
    // Each error is also under its field, and the page stays on the section.
    expect(wrapper.find('#f-applicantPhone-error').exists()).toBe(true)
    expect(router.currentRoute.value.path).toBe(`/ho-so/${ID}/applicant`)

    const phone = links.find((a) => a.text().startsWith('Số điện thoại'))!
    expect(phone.attributes('href')).toBe('#f-applicantPhone')
    await phone.trigger('click')
    expect(document.activeElement?.id).toBe('f-applicantPhone')
  })

  it('goes on to the next section when the section has no problem', async () => {
    const values = {
      applicantName: 'Nguyễn Văn An',
      applicantIdNumber: '001090123456',
      applicantBirthDate: '1990-03-05',
      applicantResidence: { provinceCode: '19', communeCode: '05443', street: 'Tổ 5' },
      applicantPhone: '0912345678',
      applicantRelation: 'father',
    }
    // As saved (save.ts): each answer with the time of its change.
    await (await portalDb()).drafts.update(ID, { values, fieldTimes: Object.fromEntries(Object.keys(values).map((path) => [path, 2])) })
    const { wrapper, router } = await openSection()
    await wrapper.get('form.form-step').trigger('submit')
    await settle()
    expect(wrapper.find('.error-summary').exists()).toBe(false)
    await eventually(() => expect(router.currentRoute.value.path).toBe(`/ho-so/${ID}/child`))
  })
})
