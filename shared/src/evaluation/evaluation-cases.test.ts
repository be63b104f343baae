import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027 } from '../lifecycle/holidays.ts'
import { caseDossier, caseRating, DOSSIER_CASES, dossierCasesMarkdown, expectedScores, GROUP_CASES, groupCasesMarkdown } from './evaluation-cases.ts'
import { scoreDossier } from './indices.ts'
import { summarise } from './scoring.ts'
import { INDEX_KEYS, type DossierScores } from './types.ts'

const context = { table: HOLIDAYS_2025_2027 }
const doc = () => readFileSync(new URL('../../../docs/evaluation.md', import.meta.url), 'utf8')
const section = (name: string) => new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(doc())?.[1]

describe('evaluation cases (docs/evaluation.md)', () => {
  it.each(DOSSIER_CASES)('a dossier: $why', (c) => {
    expect(scoreDossier(caseDossier(c), caseRating(c), context)).toEqual(expectedScores(c))
  })

  it.each(GROUP_CASES)('a group: $why', (c) => {
    const scores = c.dossiers.map((points) => Object.fromEntries(INDEX_KEYS.map((k, i) => [k, points[i] ?? null])) as DossierScores)
    const summary = summarise(scores)
    expect(INDEX_KEYS.map((k) => summary.indices[k].points)).toEqual(c.indices)
    expect(summary.total).toBe(c.total)
    expect(summary.grade).toBe(c.grade)
  })

  it('the document shows exactly these cases', () => {
    expect(section('evaluation-dossier-cases')).toBe(dossierCasesMarkdown())
    expect(section('evaluation-group-cases')).toBe(groupCasesMarkdown())
  })
})
