import { describe, expect, it } from 'vitest'
import { controlSlip } from './history.ts'

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
