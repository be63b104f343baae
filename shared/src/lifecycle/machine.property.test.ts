import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FINAL_STATUSES, registered, transition } from './machine.ts'
import { EVENT_TYPES, type DossierLifeState, type LifeEvent } from './types.ts'
import { context, validEvent } from './fixtures.test-helpers.ts'
import { toMs } from './working-days.ts'

const START = Date.parse('2025-03-03T08:00:00+07:00')
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

// Steps: an event type, minutes after the previous step (sometimes negative), and whether to spoil
// its payload (empty reasons, items, units...).
const step = fc.record({ type: fc.constantFrom(...EVENT_TYPES), minutes: fc.integer({ min: -60, max: 4 * 24 * 60 }), spoil: fc.boolean() })

function spoiled(event: LifeEvent): LifeEvent {
  const bad: Partial<Record<LifeEvent['type'], object>> = {
    refuse: { reasons: [] }, requestSupplement: { items: [] }, stop: { reason: '' }, returnResult: { resultFile: '' },
    transfer: { toUnit: 'x' }, receive: { unit: '' }, apologiseLate: { newDueAt: '2025-01-01T00:00:00Z' },
  }
  return { ...event, ...(bad[event.type] ?? {}) } as LifeEvent
}

function check(state: DossierLifeState): void {
  const timed = ['accepted', 'processing', 'financialObligation', 'processed'].includes(state.status)
  if (timed) expect(state.dueAt && state.receivedAt).toBeTruthy()
  if (['processing', 'financialObligation'].includes(state.status)) expect(state.unit).toBeTruthy()
  if (state.status === 'returned') expect(state.resultFile).toBeTruthy()
  expect(state.history.filter((h) => h.event === 'apologiseLate').length).toBe(state.apologyUsed ? 1 : 0)
  const times = state.history.map((h) => toMs(h.at))
  expect(times).toEqual([...times].sort((a, b) => a - b))
  const started = state.history.findIndex((h) => h.event === 'startProcessing')
  if (started >= 0) expect(state.history.slice(started).some((h) => h.event === 'withdraw')).toBe(false)
  state.history.forEach((h, i) => i > 0 && expect(h.from).toBe(state.history[i - 1]!.to))
}

describe('random event sequences', () => {
  it('never reach an inconsistent state; final states stay final; the apology comes at most once', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = registered(iso(START))
        let clock = START
        for (const s of steps) {
          clock += s.minutes * 60_000
          const event = validEvent(s.type, iso(clock))
          const r = transition(state, s.spoil ? spoiled(event) : event, context)
          if (FINAL_STATUSES.includes(state.status)) expect(r.ok).toBe(false)
          if (r.ok) {
            expect(r.state.history.length).toBe(state.history.length + 1)
            state = r.state
          }
          check(state)
        }
      }),
      { numRuns: 500 },
    )
  })
})
