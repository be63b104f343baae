/** Texts more than one slip prints: who applied, for what, and how the result comes back. */
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { formatAddress, type AddressDataset } from '@portal/shared/forms/address'
import type { Issuer } from '../layout.ts'

export function applicantText(receipt: DossierReceipt): string {
  const { name, identityNumber } = receipt.applicant
  return identityNumber ? `${name} (số định danh cá nhân ${identityNumber})` : name
}

export function procedureText(receipt: DossierReceipt): string {
  return `${receipt.procedure.name} (mã thủ tục ${receipt.procedure.code})`
}

export function deliveryText(receipt: DossierReceipt, addresses: AddressDataset): string {
  const d = receipt.resultDelivery
  if (d.method === 'at-agency') return `Bộ phận tiếp nhận và trả kết quả — ${receipt.agency.name}`
  if (d.method === 'online') return 'Cổng Dịch vụ công (nhận kết quả điện tử)'
  return `Dịch vụ bưu chính, đến địa chỉ: ${formatAddress(d.address, addresses)}`
}

/** "Bộ phận tiếp nhận và trả kết quả — <agency>", with its address and telephone when the directory has them. */
export function contactText(issuer: Issuer): string {
  return `Bộ phận tiếp nhận và trả kết quả — ${issuer.agency}${issuer.address ? `, ${issuer.address}` : ''}${issuer.phone ? `, điện thoại ${issuer.phone}` : ''}`
}
