/**
 * A synthetic catalogue of any size, for benchmarks, built only by recombining real records.
 *
 * The first records are the real ones, unchanged. Each further record takes one real procedure
 * as its frame (field, agency, times, fees, legal basis) and mixes in a second one: the name
 * joins the first half of one name with the second half of the other, and the components are
 * the frame's plus one or two of the other's. So the vocabulary, the text lengths and the
 * shape of the data stay those of real procedures, which is what search and transfer costs
 * depend on. Codes are `<d>.9<5 digits>`, a range no real procedure uses, so they never clash.
 *
 * Deterministic: the same base, size and seed give the same catalogue (a seeded PRNG).
 */
import { prng } from '../random/prng.ts'
import type { Procedure } from './schema.ts'

function halves(name: string): [string, string] {
  const words = name.split(/\s+/)
  const cut = Math.max(1, Math.floor(words.length / 2))
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')]
}

function recombine(frame: Procedure, other: Procedure, index: number, pick: () => number): Procedure {
  const [head] = halves(frame.name)
  const [, tail] = halves(other.name)
  const extra = other.components.slice(0, 1 + Math.floor(pick() * 2))
  const components = [...frame.components, ...extra].map((c, i) => ({ ...c, id: `c${i + 1}` }))
  return {
    ...frame,
    code: `${frame.code[0]}.9${String(index).padStart(5, '0')}`,
    name: tail ? `${head} ${tail}` : head,
    components,
    notes: [...frame.notes],
    legalBasis: [...frame.legalBasis],
    sources: [...frame.sources],
  }
}

/**
 * Returns `size` procedures: the real `base` first, then recombinations of it.
 *
 * @example syntheticCatalog(realProcedures, 2000).length === 2000
 */
export function syntheticCatalog(base: readonly Procedure[], size: number, seed = 61): Procedure[] {
  if (base.length === 0) throw new Error('syntheticCatalog needs at least one real procedure')
  if (size > base.length + 99_999) throw new Error('syntheticCatalog supports up to 99,999 synthetic records')
  const pick = prng(seed)
  const out = base.slice(0, size)
  for (let i = out.length; i < size; i++) {
    const frame = base[i % base.length]!
    const other = base[Math.floor(pick() * base.length)]!
    out.push(recombine(frame, other, i, pick))
  }
  return out
}
