/**
 * The search measurement, the same code in Node and (bundled) in Chromium: build the index of
 * a synthetic catalogue, then time every query of the fixed set over several passes.
 */
import { createProcedureIndex } from '@portal/shared/catalog/search'
import { syntheticCatalog } from '@portal/shared/catalog/synthetic'
import { benchQueries } from '@portal/shared/catalog/queries'
import type { AgencyKind, Field, Procedure } from '@portal/shared/catalog/schema'

export interface SearchStats {
  procedures: number
  queries: number
  buildMs: number
  p50: number
  p95: number
  max: number
}

export function measureSearch(
  real: Procedure[],
  fields: Field[],
  kinds: AgencyKind[],
  size: number,
  passes = 20,
): SearchStats {
  const procedures = syntheticCatalog(real, size)
  const builds: number[] = []
  let index = createProcedureIndex(procedures, fields, kinds)
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    index = createProcedureIndex(procedures, fields, kinds)
    builds.push(performance.now() - t)
  }
  for (const q of benchQueries) index.search(q.query) // warm-up
  const times: number[] = []
  for (let pass = 0; pass < passes; pass++) {
    for (const q of benchQueries) {
      const t = performance.now()
      index.search(q.query)
      times.push(performance.now() - t)
    }
  }
  times.sort((a, b) => a - b)
  builds.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!
  return { procedures: size, queries: times.length, buildMs: builds[1]!, p50: at(50), p95: at(95), max: times.at(-1)! }
}
