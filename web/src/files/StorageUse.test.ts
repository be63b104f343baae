import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../i18n/index.ts'
import StorageUse from './StorageUse.vue'
import { eventually } from '../testing.ts'

const MB = 1024 * 1024

function fakeStorage(estimate: { usage?: number; quota?: number }) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => true, persist: async () => true, estimate: async () => estimate },
  })
}

afterEach(() => setLocale('vi'))

describe('storage use', () => {
  it('shows what is used and roughly what is left, in both languages', async () => {
    fakeStorage({ usage: 12 * MB, quota: 12 * MB + 1.2 * 1024 * MB })
    const wrapper = mount(StorageUse, { global: { plugins: [i18n] } })
    await eventually(() => expect(wrapper.text()).toBe('Đã dùng 12\u00a0MB / còn trống khoảng 1,2\u00a0GB.'))
    await setLocale('en')
    await eventually(() => expect(wrapper.text()).toBe('12\u00a0MB used / about 1.2\u00a0GB free.'))
  })
})
