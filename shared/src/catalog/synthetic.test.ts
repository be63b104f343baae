import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { syntheticCatalog } from './synthetic.ts'
import { fixtureProcedure } from './fixtures.ts'
import { ProcedureSchema } from './schema.ts'

const base = [
  fixtureProcedure({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh' }),
  fixtureProcedure({
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới',
    components: [{ id: 'c1', name: 'Bản vẽ thiết kế', originals: 1, copies: 0, presentOnly: false }],
  }),
]

describe('syntheticCatalog', () => {
  it('keeps the real records first and reaches the requested size with unique codes', () => {
    const out = syntheticCatalog(base, 500)
    expect(out).toHaveLength(500)
    expect(out.slice(0, 2)).toEqual(base)
    expect(new Set(out.map((p) => p.code)).size).toBe(500)
  })

  it('produces valid procedures made of real words only', () => {
    const words = new Set(base.flatMap((p) => p.name.split(/\s+/)))
    for (const p of syntheticCatalog(base, 50)) {
      expect(v.safeParse(ProcedureSchema, p).success).toBe(true)
      for (const w of p.name.split(/\s+/)) expect(words.has(w)).toBe(true)
      expect(p.components.map((c) => c.id)).toEqual(p.components.map((_, i) => `c${i + 1}`))
    }
  })

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticCatalog(base, 100, 7)).toEqual(syntheticCatalog(base, 100, 7))
    expect(syntheticCatalog(base, 100, 7)).not.toEqual(syntheticCatalog(base, 100, 8))
  })

  it('can return fewer than the real records', () => {
    expect(syntheticCatalog(base, 1)).toEqual([base[0]])
  })
})
