import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fill, T, TD } from './texts.ts'

describe('server page texts', () => {
  it('are the app’s own Vietnamese texts (web/src/i18n/vi.json)', () => {
    const vi: unknown = JSON.parse(readFileSync(new URL('../../../web/src/i18n/vi.json', import.meta.url), 'utf8'))
    expect(vi).toMatchObject(T)
  })

  it('include the drafts feature’s own texts for the start block (web/src/drafts/i18n/vi.json)', () => {
    const vi: unknown = JSON.parse(readFileSync(new URL('../../../web/src/drafts/i18n/vi.json', import.meta.url), 'utf8'))
    expect(vi).toMatchObject(TD)
  })

  it('fill placeholders, formatting numbers the Vietnamese way', () => {
    expect(fill(T.status.count, { n: 1200 })).toBe('1.200 thủ tục')
    expect(fill(T.procedure.whereCommune, { kind: 'Ủy ban nhân dân cấp xã' })).toBe('Nộp tại Ủy ban nhân dân cấp xã nơi bạn cư trú.')
    expect(fill('{q} $& {x}', { q: '$1' })).toBe('$1 $& {x}')
  })
})
