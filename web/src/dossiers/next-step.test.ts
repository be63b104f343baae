import { describe, expect, it } from 'vitest'
import type { DossierView } from '@portal/shared/dossiers/schema'
import { isOverdue, nextStep } from './next-step.ts'

const receipt = { resultDelivery: { method: 'at-agency' } } as DossierView['receipt']
const view = (status: DossierView['status'], progress: DossierView['progress'] = {}) => ({ status, progress, receipt })

describe('the next thing to do', () => {
  it('follows the status and what the progress says', () => {
    const items = [{ componentId: 'c6', description: 'Bản sao giấy chứng sinh rõ nét' }]
    expect(nextStep(view('supplementRequested', { supplementRequest: { requestedAt: '2026-11-27T10:00:00+07:00', items } }))).toEqual({ kind: 'supplement', items })
    expect(nextStep(view('supplementRequested', { dueAt: 'x' }))).toEqual({ kind: 'wait', dueAt: 'x' })
    expect(nextStep(view('supplementRequested', { supplementRequest: { requestedAt: '2026-11-27T10:00:00+07:00', items, sentAt: '2026-11-28T09:00:00+07:00' } }))).toEqual({
      kind: 'supplementSent',
      at: '2026-11-28T09:00:00+07:00',
    })
    expect(nextStep(view('financialObligation', { fees: { amountVnd: 50_000, description: 'Lệ phí' } }))).toEqual({ kind: 'fees', fees: { amountVnd: 50_000, description: 'Lệ phí' } })
    expect(nextStep(view('processed'))).toEqual({ kind: 'collect', delivery: { method: 'at-agency' } })
    expect(nextStep(view('returned'))).toEqual({ kind: 'rate' })
    expect(nextStep(view('returned', { rating: { level: 'satisfied', ratedAt: 'x' } }))).toEqual({ kind: 'closed' })
    expect(nextStep(view('processing', { dueAt: '2026-12-01T17:00:00+07:00' }))).toEqual({ kind: 'wait', dueAt: '2026-12-01T17:00:00+07:00' })
    for (const status of ['refused', 'withdrawn', 'stopped'] as const) expect(nextStep(view(status))).toEqual({ kind: 'closed' })
  })

  it('judges overdue again on the device, only while the dossier is open', () => {
    const now = Date.parse('2026-12-02T09:00:00+07:00')
    expect(isOverdue(view('processing', { dueAt: '2026-12-01T17:00:00+07:00' }), now)).toBe(true)
    expect(isOverdue(view('processing', { dueAt: '2026-12-03T17:00:00+07:00' }), now)).toBe(false)
    expect(isOverdue(view('returned', { dueAt: '2026-12-01T17:00:00+07:00' }), now)).toBe(false)
    expect(isOverdue(view('processed', { dueAt: '2026-12-01T17:00:00+07:00' }), now)).toBe(false)
    expect(isOverdue(view('processing'), now)).toBe(false)
  })
})
