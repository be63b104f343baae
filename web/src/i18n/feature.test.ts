import { afterEach, describe, expect, it } from 'vitest'
import { i18n, loadFeatureMessages, setLocale, type FeatureMessages } from './index.ts'

// A feature's own locale files, as drafts or the account page ship theirs.
const feature: FeatureMessages = {
  vi: () => import('./fixture/i18n/vi.json'),
  en: () => import('./fixture/i18n/en.json'),
}

afterEach(() => setLocale('vi'))

describe('feature messages', () => {
  it('are added in Vietnamese, then follow a switch of language', async () => {
    expect(i18n.global.getLocaleMessage('vi')).not.toHaveProperty(['featureTest.hello'])
    await loadFeatureMessages(feature)
    expect(i18n.global.t('featureTest.hello', { name: 'An' })).toBe('Xin chào An')
    await setLocale('en')
    expect(i18n.global.t('featureTest.hello', { name: 'An' })).toBe('Hello An')
  })

  it('load in the current language when it is English already', async () => {
    await setLocale('en')
    await loadFeatureMessages(feature)
    expect(i18n.global.t('featureTest.hello', { name: 'Ba' })).toBe('Hello Ba')
  })
})
