import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DUE_DATE_CASES, dueDateCasesMarkdown } from './due-date-cases.ts'
import { HOLIDAYS_2025_2027 } from './holidays.ts'
import { dueDate } from './working-days.ts'

describe('due-date cases (docs/lifecycle.md)', () => {
  it.each(DUE_DATE_CASES)('$receivedAt + $processingTime.amount $processingTime.unit → $dueAt ($why)', (c) => {
    const due = dueDate(c.receivedAt, c.processingTime, HOLIDAYS_2025_2027)
    expect(due.dueAt).toBe(c.dueAt)
    expect(due.beyondTable).toBe(c.beyondTable ?? false)
    expect(due.provisional).toEqual(c.provisional ?? [])
  })

  it('the document shows exactly these cases', () => {
    const doc = readFileSync(new URL('../../../docs/lifecycle.md', import.meta.url), 'utf8')
    const table = /<!-- due-date-cases:start -->\n([\s\S]*?)\n<!-- due-date-cases:end -->/.exec(doc)?.[1]
    expect(table).toBe(dueDateCasesMarkdown())
  })
})
