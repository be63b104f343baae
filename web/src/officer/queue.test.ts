import { describe, expect, it } from 'vitest'
import { dueState, filterFromQuery, filterToQuery, mergePages } from './queue.ts'
import { queueItem } from './testing.ts'

describe('queue filters in the URL', () => {
  const mine = ['000.00.D8.H55']

  it('read what is valid and drop the rest', () => {
    expect(filterFromQuery({ status: 'processing', due: 'overdue', procedure: '1.001193', agency: '000.00.D8.H55' }, mine)).toEqual({
      status: 'processing',
      due: 'overdue',
      procedure: '1.001193',
      agency: '000.00.D8.H55',
    })
    expect(filterFromQuery({ status: 'lost', due: 'later', procedure: 'x', agency: '000.00.01.H55' }, mine)).toEqual({})
    expect(filterFromQuery({ status: ['processing', 'returned'], due: 'all' }, mine)).toEqual({})
  })

  it('write only what is set, and read back the same', () => {
    expect(filterToQuery({ due: 'all' })).toEqual({})
    const filter = { procedure: '1.001193', status: 'accepted', due: 'soon' } as const
    expect(filterFromQuery(filterToQuery(filter), mine)).toEqual(filter)
  })
})

describe('a dossier against its due date', () => {
  it('is overdue, soon due, on time, or has no due date yet', () => {
    expect(dueState(queueItem({ overdue: true, dueSoon: false, dueAt: '2026-11-20T17:00:00+07:00' }))).toBe('overdue')
    expect(dueState(queueItem({ dueSoon: true, dueAt: '2026-11-28T17:00:00+07:00' }))).toBe('soon')
    expect(dueState(queueItem({ dueAt: '2026-12-10T17:00:00+07:00' }))).toBe('onTime')
    expect(dueState(queueItem())).toBe('none')
  })
})

describe('pages of the queue', () => {
  const a = queueItem({ id: '00000000-0000-4000-8000-00000000000a', code: 'A' })
  const b = queueItem({ id: '00000000-0000-4000-8000-00000000000b', code: 'B' })
  const c = queueItem({ id: '00000000-0000-4000-8000-00000000000c', code: 'C' })

  it('are appended in the server’s order', () => {
    expect(mergePages([a], [b, c]).map((i) => i.code)).toEqual(['A', 'B', 'C'])
  })

  it('keep a dossier once, at its first place, in its latest state', () => {
    const merged = mergePages([a, b], [{ ...a, status: 'accepted' }, c])
    expect(merged.map((i) => i.code)).toEqual(['A', 'B', 'C'])
    expect(merged[0]?.status).toBe('accepted')
  })
})
