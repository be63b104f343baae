import { afterEach, describe, expect, it } from 'vitest'
import { takeJournals, writeJournal } from './journal.ts'

afterEach(() => localStorage.clear())

describe('the journal of unsaved changes', () => {
  it('is taken over by the next page that opens the draft, oldest change first, and only once', () => {
    localStorage.setItem('portal.draft-journal.d1.other-tab', JSON.stringify([{ path: 'b', value: 2, time: 20 }, { path: 'a', value: 1, time: 10 }]))
    localStorage.setItem('portal.draft-journal.d2.other-tab', JSON.stringify([{ path: 'x', value: 9, time: 5 }]))
    expect(takeJournals('d1')).toEqual([{ path: 'a', value: 1, time: 10 }, { path: 'b', value: 2, time: 20 }])
    expect(takeJournals('d1')).toEqual([])
    expect(takeJournals('d2')).toHaveLength(1)
  })

  it('leaves this page’s own journal alone and clears it once everything is saved', () => {
    writeJournal('d1', [{ path: 'a', value: 1, time: 10 }])
    expect(takeJournals('d1')).toEqual([])
    expect(Object.keys(localStorage)).toHaveLength(1)
    writeJournal('d1', [])
    expect(Object.keys(localStorage)).toHaveLength(0)
  })
})
