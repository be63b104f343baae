import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DOSSIER_STATUS } from '@portal/shared/dossiers/schema'
import { formatDateTime, STATUS_NAMES, TL } from './texts.ts'

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../web/src/${path}`, import.meta.url), 'utf8'))

describe('look-up texts', () => {
  it('name every status as the app does (web/src/dossiers/i18n/vi.json)', () => {
    expect(Object.keys(STATUS_NAMES).sort()).toEqual(Object.keys(DOSSIER_STATUS).sort())
    expect(json('dossiers/i18n/vi.json')).toMatchObject({ dossiers: { status: STATUS_NAMES } })
  })

  it('are the app’s own words on the server page (web/src/lookup/i18n/vi.json)', () => {
    expect(json('lookup/i18n/vi.json')).toMatchObject(TL)
  })

  it('have the same keys in English', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix]
    expect(keys(json('lookup/i18n/en.json'))).toEqual(keys(json('lookup/i18n/vi.json')))
  })

  it('show times in Vietnam time, as the app formats them', () => {
    expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('15:00 01/07/2026')
    expect(formatDateTime('2026-12-31T23:30:00+07:00')).toBe('23:30 31/12/2026')
  })
})
