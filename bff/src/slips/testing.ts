/**
 * Test helpers of the slips: a receipt, an issuer, and dossier lives made by the shared state
 * machine itself (never written by hand), from Monday 2/3/2026 09:00.
 */
import { randomUUID } from 'node:crypto'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { registered, transition } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState, Effect, LifeEvent } from '@portal/shared/lifecycle/types'
import type { Issuer, SlipContext } from './layout.ts'

export const table = HOLIDAYS_2025_2027

export const at = (day: string, hhmm: string) => `2026-03-${day}T${hhmm}:00+07:00`

export const RECEIVING_UNIT = '000.00.01.H55'
export const UNITS: Record<string, string> = {
  '000.00.00.H55': 'Ủy ban nhân dân tỉnh Thái Nguyên',
  '000.00.01.H55': 'Sở Tư pháp tỉnh Thái Nguyên',
  '000.00.D1.H55': 'Phòng Hành chính tư pháp',
  '000.00.D2.H55': 'Phòng Bổ trợ tư pháp',
}

export const issuer: Issuer = {
  governing: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  agency: 'Sở Tư pháp tỉnh Thái Nguyên',
  agencyCode: RECEIVING_UNIT,
  place: 'Thái Nguyên',
  phone: '0208 3855 123',
  address: 'Số 6 đường Nha Trang, phường Phan Đình Phùng',
  unitName: (code) => UNITS[code] ?? `Đơn vị mã ${code}`,
}

export function sampleReceipt(over: Partial<DossierReceipt> = {}): DossierReceipt {
  return {
    id: randomUUID(),
    code: '000.00.01.H55-260302-0007',
    procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
    agency: { code: RECEIVING_UNIT, name: 'Sở Tư pháp tỉnh Thái Nguyên' },
    // Decomposed (NFD) on purpose: the slips draw it composed.
    applicant: { name: 'Nguyễn Thị Bích Ngọc'.normalize('NFD'), identityNumber: '019192007351' },
    receivedAt: at('02', '08:30'),
    components: [
      { componentId: 'c1', label: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', files: [{ name: 'to-khai.pdf', sha256: 'a'.repeat(64), size: 120_000 }] },
      { componentId: 'c2', label: 'Bản chụp giấy tờ tùy thân', files: [{ name: 'cccd.jpg', sha256: 'b'.repeat(64), size: 800_000 }] },
    ],
    resultDelivery: { method: 'post', address: { provinceCode: '19', communeCode: '05440', street: 'Số 12 đường Hoàng Văn Thụ' } },
    ...over,
  }
}

export const context = (receipt = sampleReceipt()): SlipContext => ({ receipt, issuer, portalName: 'Cổng Dịch vụ công tỉnh Thái Nguyên' })

/** The state after `events` from registration at `registeredAt`, and every effect they had. */
export function lived(events: LifeEvent[], registeredAt = at('02', '08:30')): { state: DossierLifeState; effects: Effect[] } {
  let state = registered(registeredAt)
  const effects: Effect[] = []
  for (const event of events) {
    const r = transition(state, event, { table })
    if (!r.ok) throw new Error(`${event.type} from ${state.status}: ${r.code}`)
    state = r.state
    effects.push(...r.effects)
  }
  return { state, effects }
}

const tenDays = { amount: 10, unit: 'working-days' } as const

/** The events of a dossier's whole life: received, sent between units, apologised for, returned. */
export function fullLife(): LifeEvent[] {
  return [
    { type: 'receive', at: at('02', '09:00'), unit: RECEIVING_UNIT, processingTime: tenDays },
    { type: 'startProcessing', at: at('02', '10:00'), unit: '000.00.D1.H55' },
    { type: 'transfer', at: at('04', '14:00'), toUnit: '000.00.D2.H55', note: 'Xác minh nhân thân' },
    { type: 'transfer', at: at('10', '09:00'), toUnit: '000.00.D1.H55' },
    { type: 'apologiseLate', at: at('12', '10:00'), reason: 'Chờ kết quả xác minh của Công an tỉnh', newDueAt: at('20', '17:00') },
    { type: 'approve', at: at('19', '15:00') },
    { type: 'returnResult', at: at('20', '09:00'), resultFile: 'c'.repeat(64) },
  ]
}
