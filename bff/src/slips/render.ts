/** One entry point for the five slips: the builder of the slip's form. */
import type { AddressDataset } from '@portal/shared/forms/address'
import type { IssuedSlip } from './issued.ts'
import type { SlipContext } from './layout.ts'
import { renderApologySlip } from './forms/apology.ts'
import { renderAppointmentSlip } from './forms/appointment.ts'
import { renderControlSlip } from './forms/control.ts'
import { renderRefusalSlip } from './forms/refusal.ts'
import { renderSupplementRequestSlip } from './forms/supplement-request.ts'

/** Short names for file names: `mau-01-tiep-nhan-<code>.pdf`. */
export const SLIP_FILE_NAMES = { 1: 'tiep-nhan-hen-tra', 2: 'yeu-cau-bo-sung', 3: 'tu-choi-tiep-nhan', 4: 'xin-loi-hen-lai', 5: 'kiem-soat' } as const

export function renderSlip(context: SlipContext, slip: IssuedSlip, addresses: AddressDataset): Promise<Uint8Array> {
  switch (slip.form) {
    case 1:
      return renderAppointmentSlip(context, slip, addresses)
    case 2:
      return renderSupplementRequestSlip(context, slip)
    case 3:
      return renderRefusalSlip(context, slip)
    case 4:
      return renderApologySlip(context, slip)
    case 5:
      return renderControlSlip(context, slip)
  }
}
