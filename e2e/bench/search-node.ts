import { measureSearch } from './search-core.ts'
import { realCatalog } from './data.ts'
import type { Figure } from './report.ts'

/** Search over a synthetic catalogue of 2,000 procedures in Node. */
export async function searchInNode(): Promise<Figure[]> {
  const { procedures, fields, agencyKinds } = realCatalog()
  const s = measureSearch(procedures, fields, agencyKinds, 2000)
  return [
    { name: 'search p95 per query, 2,000 procedures (Node)', value: s.p95, unit: 'ms', target: { op: '<=', value: 5 } },
    { name: 'search p50 / max (Node)', value: s.p50, unit: 'ms', note: `max ${s.max.toFixed(2)} ms over ${s.queries} queries` },
    { name: 'index build, 2,000 procedures (Node)', value: s.buildMs, unit: 'ms' },
  ]
}
