import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import AppHeader from '../ui/AppHeader.vue'
import en from './en.json'
import { i18n, savedLocale, setLocale } from './index.ts'
import vi from './vi.json'

afterEach(async () => {
  await setLocale('vi')
  localStorage.clear()
})

describe('i18n', () => {
  it('starts in Vietnamese', () => {
    expect(savedLocale()).toBe('vi')
    expect(i18n.global.t('app.name')).toBe('Cổng Dịch vụ công')
  })

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    await setLocale('en')
    expect(i18n.global.t('app.name')).toBe('Public Service Portal')
    expect(i18n.global.t('status.count', { n: 1 }, 1)).toBe('1 procedure')
    expect(i18n.global.t('status.count', { n: 3 }, 3)).toBe('3 procedures')
    expect(document.documentElement.lang).toBe('en')
    expect(savedLocale()).toBe('en')
    await setLocale('vi')
    expect(document.documentElement.lang).toBe('vi')
    expect(i18n.global.t('status.count', { n: 3 }, 3)).toBe('3 thủ tục')
  })

  it('has the same keys in both languages', () => {
    // The build flattens the files ("app.name"), so the top-level keys are every message.
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
    expect(Object.keys(vi)).toContain('app.name')
  })

  it('switches language from the header button', async () => {
    // The header shows sign-in state (pinia) and signs in back to the current route (router).
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p />' } }] })
    const header = mount(AppHeader, { global: { plugins: [i18n, createPinia(), router], stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
    const button = () => header.find('button')
    expect(button().text()).toBe('English')
    await button().trigger('click')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('en')
    expect(button().text()).toBe('Tiếng Việt')
    expect(button().attributes('lang')).toBe('vi')
  })
})
