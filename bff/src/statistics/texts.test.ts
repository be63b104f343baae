import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TS } from './texts.ts'

describe('statistics texts', () => {
  it('are the app’s own words on the server page (web/src/statistics/i18n/vi.json)', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../web/src/statistics/i18n/vi.json', import.meta.url), 'utf8'))
    expect(json).toMatchObject(TS)
  })
})
