import { describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027 } from '../lifecycle/holidays.ts'
import { registered, transition } from '../lifecycle/machine.ts'
import type { DossierLifeState, LifeEvent } from '../lifecycle/types.ts'
import { evaluationDossier, type DossierFacts } from './from-life.ts'
import { scoreDossier } from './indices.ts'

const table = HOLIDAYS_2025_2027
const at = (day: string, hhmm: string) => `2025-03-${day}T${hhmm}:00+07:00`

function life(...events: LifeEvent[]): DossierLifeState {
  let state = registered(at('03', '08:00'))
  for (const event of events) {
    const r = transition(state, event, { table })
    if (!r.ok) throw new Error(`${event.type} from ${state.status}: ${r.code}`)
    state = r.state
  }
  return state
}

const facts: DossierFacts = {
  id: 'd1',
  agencyCode: '000.00.01.H55',
  field: 'ho-tich',
  procedureCode: '1.001193',
  onlineService: 'full',
  publication: 'complete',
  submittedOnline: true,
  receivedAtOneStop: true,
  feedback: [],
}

const receive = (day = '03', hhmm = '09:00'): LifeEvent => ({ type: 'receive', at: at(day, hhmm), unit: '000.00.01.H55', processingTime: { amount: 5, unit: 'working-days' } })
const start = (day = '03', hhmm = '14:00'): LifeEvent => ({ type: 'startProcessing', at: at(day, hhmm), unit: 'H55.242' })
const approve = (day: string): LifeEvent => ({ type: 'approve', at: at(day, '09:00') })
const returnResult = (day: string): LifeEvent => ({ type: 'returnResult', at: at(day, '10:00'), resultFile: 'a'.repeat(64) })

describe('evaluationDossier', () => {
  it('reads a returned dossier: receipt, handover, due date, finish', () => {
    const d = evaluationDossier(life(receive(), start(), approve('07'), returnResult('07')), facts, table)
    expect(d).toEqual({
      ...facts,
      receivedAt: at('03', '09:00'),
      handedOverAt: at('03', '14:00'),
      dueAt: at('10', '17:00'),
      finishedAt: at('07', '10:00'),
      supplementRequests: 0,
    })
    expect(scoreDossier(d!, undefined, { table }).totalTime).toBe(2)
  })

  it('judges a dossier that had an apology against the limit it had, not the new appointment', () => {
    const apology: LifeEvent = { type: 'apologiseLate', at: at('06', '09:00'), reason: 'Chờ xác minh', newDueAt: at('14', '17:00') }
    const state = life(receive(), start(), apology, approve('12'), returnResult('12'))
    expect(state.dueAt).toBe(at('14', '17:00'))
    expect(state.returnedLate).toBe(false)
    const d = evaluationDossier(state, facts, table)!
    expect(d.dueAt).toBe(at('10', '17:00'))
    expect(scoreDossier(d, undefined, { table }).totalTime).toBe(0)
    // The Mẫu 04 issued says which appointment it replaced: that one, as it was counted then.
    expect(evaluationDossier(state, { ...facts, dueBeforeApology: at('11', '17:00') }, table)).toMatchObject({ dueAt: at('11', '17:00') })
    expect(evaluationDossier(state, { ...facts, dueBeforeApology: at('11', '17:00') }, table)).not.toHaveProperty('dueBeforeApology')
  })

  it('counts from the complete receipt after a supplement, and counts the request', () => {
    const state = life(
      receive(),
      { type: 'requestSupplement', at: at('04', '10:00'), items: [{ description: 'Bản sao giấy chứng sinh' }] },
      { type: 'supplementReceived', at: at('05', '16:00') },
      start('06', '10:00'),
      approve('12'),
      returnResult('13'),
    )
    const d = evaluationDossier(state, facts, table)!
    expect(d).toMatchObject({ receivedAt: at('05', '16:00'), handedOverAt: at('06', '10:00'), dueAt: at('13', '17:00'), supplementRequests: 1 })
    expect(scoreDossier(d, undefined, { table })).toMatchObject({ totalTime: 1, contacts: 1, oneStop: 2 })
  })

  it('reads a refusal after review as finished', () => {
    const d = evaluationDossier(life(receive(), start(), { type: 'refuse', at: at('05', '15:00'), reasons: ['Không đủ điều kiện'] }), facts, table)
    expect(d).toMatchObject({ finishedAt: at('05', '15:00'), dueAt: at('10', '17:00') })
  })

  it('leaves out what is not finished or had no decision', () => {
    expect(evaluationDossier(life(), facts, table)).toBeUndefined()
    expect(evaluationDossier(life({ type: 'refuse', at: at('03', '09:00'), reasons: ['Sai thẩm quyền'] }), facts, table)).toBeUndefined()
    expect(evaluationDossier(life(receive(), start(), approve('07')), facts, table)).toBeUndefined()
    expect(evaluationDossier(life(receive(), { type: 'withdraw', at: at('04', '09:00') }), facts, table)).toBeUndefined()
    expect(evaluationDossier(life(receive(), { type: 'stop', at: at('04', '09:00'), reason: 'Không bổ sung' }), facts, table)).toBeUndefined()
  })
})
