import { describe, expect, it } from 'vitest'
import { controlSlip, suppliedFiles } from './history.ts'

describe('the control slip (Mẫu 05)', () => {
  it('lists each handover from the unit holding the dossier before to the one after', () => {
    const slip = controlSlip([
      { at: '2026-11-27T09:00:00+07:00', event: 'receive', from: 'registered', to: 'accepted', unit: 'H55.242', actor: 'Phạm Thị Hồng' },
      { at: '2026-11-27T09:30:00+07:00', event: 'startProcessing', from: 'accepted', to: 'processing', unit: 'H55.242.1', actor: 'Phạm Thị Hồng' },
      { at: '2026-11-27T10:00:00+07:00', event: 'recordOpinion', from: 'processing', to: 'processing', note: 'Đủ điều kiện' },
      { at: '2026-11-27T11:00:00+07:00', event: 'transfer', from: 'processing', to: 'processing', unit: 'H55.242.2', note: 'Trình ký' },
      { at: '2026-11-27T14:00:00+07:00', event: 'approve', from: 'processing', to: 'processed', unit: 'H55.242.2' },
    ])
    expect(slip).toEqual([
      { at: '2026-11-27T09:30:00+07:00', fromUnit: 'H55.242', toUnit: 'H55.242.1', actor: 'Phạm Thị Hồng' },
      { at: '2026-11-27T11:00:00+07:00', fromUnit: 'H55.242.1', toUnit: 'H55.242.2', note: 'Trình ký' },
    ])
  })

  it('is empty before processing, and a first handover without a holder has no "from"', () => {
    expect(controlSlip([{ at: '2026-11-27T09:00:00+07:00', event: 'receive', from: 'registered', to: 'accepted' }])).toEqual([])
    expect(controlSlip([{ at: '2026-11-27T09:30:00+07:00', event: 'startProcessing', from: 'accepted', to: 'processing', unit: 'H55.242.1' }])).toEqual([
      { at: '2026-11-27T09:30:00+07:00', toUnit: 'H55.242.1' },
    ])
  })
})

describe('the files a supplement brought, on its history step', () => {
  it('counts the k-th supplement step with the k-th answered request; nothing for one recorded without its files', () => {
    const step = (at: string, event: 'supplementReceived' | 'requestSupplement') =>
      ({ at, event, from: 'supplementRequested', to: 'accepted' }) as const
    const file = { sha256: 'a'.repeat(64), name: 'a.jpg', type: 'image/jpeg', size: 1 }
    const history = [
      step('2026-11-27T09:00:00+07:00', 'requestSupplement'),
      step('2026-11-27T10:00:00+07:00', 'supplementReceived'),
      step('2026-11-27T11:00:00+07:00', 'requestSupplement'),
      step('2026-11-27T12:00:00+07:00', 'supplementReceived'),
      step('2026-11-27T13:00:00+07:00', 'requestSupplement'),
      step('2026-11-27T14:00:00+07:00', 'supplementReceived'),
      step('2026-11-27T15:00:00+07:00', 'requestSupplement'),
    ]
    const counts = suppliedFiles(history, [
      { requestedAt: '2026-11-27T09:00:00+07:00', items: [], receivedAt: '2026-11-27T10:00:00+07:00' },
      { requestedAt: '2026-11-27T11:00:00+07:00', items: [], receivedAt: '2026-11-27T12:00:00+07:00', components: [{ componentId: 'c1', files: [file, file] }, { componentId: 'c2', files: [file] }] },
      { requestedAt: '2026-11-27T13:00:00+07:00', items: [], receivedAt: '2026-11-27T14:00:00+07:00', components: [] },
      { requestedAt: '2026-11-27T15:00:00+07:00', items: [] },
    ])
    expect([...counts]).toEqual([
      [3, 3],
      [5, 0],
    ])
  })
})
