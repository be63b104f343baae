import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarise } from './scoring.ts'
import { INDEX_KEYS, type DossierScores, type Points } from './types.ts'

const points = fc.constantFrom<Points | null>(0, 1, 2, null)
const scores = fc.tuple(...INDEX_KEYS.map(() => points)).map((p) => Object.fromEntries(INDEX_KEYS.map((k, i) => [k, p[i]])) as DossierScores)

describe('summarise, for any dossiers', () => {
  it('keeps each index within 0–2 in tenths, the total within 0–18, and grades it by Art. 15', () => {
    fc.assert(
      fc.property(fc.array(scores, { maxLength: 40 }), (list) => {
        const s = summarise(list)
        for (const k of INDEX_KEYS) {
          const p = s.indices[k].points
          if (p === null) continue
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(2)
          expect(Math.round(p * 10)).toBeCloseTo(p * 10, 9)
        }
        if (s.total === null) {
          expect(s.missing).toEqual([...INDEX_KEYS])
          expect(s.grade).toBeNull()
        } else {
          expect(s.total).toBeGreaterThanOrEqual(0)
          expect(s.total).toBeLessThanOrEqual(18)
          expect(s.grade).not.toBeNull()
        }
      }),
    )
  })

  it('never grades a group lower when one of its dossiers scores higher on one index', () => {
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom(...INDEX_KEYS), (list, which, key) => {
        const i = which % list.length
        const before = list[i]![key]
        if (before === null || before === 2) return
        const better = list.map((s, j) => (j === i ? { ...s, [key]: (before + 1) as Points } : s))
        expect(summarise(better).total!).toBeGreaterThanOrEqual(summarise(list).total!)
      }),
    )
  })

  it('does not depend on the order of the dossiers', () => {
    fc.assert(
      fc.property(fc.array(scores, { maxLength: 20 }), (list) => {
        expect(summarise([...list].reverse())).toEqual(summarise(list))
      }),
    )
  })
})
