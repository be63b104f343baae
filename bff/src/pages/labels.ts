/** Vietnamese wording of the catalogue's coded values, for server pages. */
import type { Channel, Fee, OnlineService, ProcedureLevel, ProcessingTime } from '@portal/shared/catalog/schema'

export const LEVEL_LABEL: Record<ProcedureLevel, string> = { province: 'Cấp tỉnh', commune: 'Cấp xã' }

/** URL slugs of the level pages (/cap/tinh, /cap/xa). */
export const LEVEL_SLUG: Record<ProcedureLevel, string> = { province: 'tinh', commune: 'xa' }

export const ONLINE_LABEL: Record<OnlineService, string> = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Chưa có dịch vụ công trực tuyến',
}

export const CHANNEL_LABEL: Record<Channel, string> = {
  online: 'Trực tuyến',
  'in-person': 'Trực tiếp',
  post: 'Qua dịch vụ bưu chính',
}

const UNIT_LABEL: Record<ProcessingTime['options'][number]['unit'], string> = {
  'working-days': 'ngày làm việc',
  days: 'ngày',
  hours: 'giờ',
}

const number = new Intl.NumberFormat('vi-VN')

/** @example formatVnd(50000) === '50.000 đồng' */
export function formatVnd(amount: number): string {
  return `${number.format(amount)} đồng`
}

/** @example formatDuration({ amount: 3, unit: 'working-days' }) === '3 ngày làm việc' */
export function formatDuration(option: { amount: number; unit: keyof typeof UNIT_LABEL }): string {
  return `${number.format(option.amount)} ${UNIT_LABEL[option.unit]}`
}

/** One line for listings and descriptions. */
export function feeSummary(fee: Fee): string {
  switch (fee.kind) {
    case 'free':
      return 'Không mất phí, lệ phí'
    case 'fixed': {
      const amounts = [...new Set(fee.items.map((item) => item.amountVnd))].sort((a, b) => a - b)
      if (amounts.length === 0) return fee.text ?? 'Có thu phí, lệ phí'
      return amounts.length === 1 ? formatVnd(amounts[0] ?? 0) : `Từ ${formatVnd(amounts[0] ?? 0)}`
    }
    case 'by-regulation':
      return 'Theo quy định hiện hành'
    case 'unknown':
      return 'Chưa có thông tin'
  }
}
