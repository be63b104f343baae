/**
 * Vietnamese wording of the catalogue's coded values for what search engines read (titles,
 * descriptions, JSON-LD). What the page body shows is in texts.ts, the app's own texts.
 */
import type { Fee, OnlineService, ProcedureLevel } from '@portal/shared/catalog/schema'
import { T } from './texts.ts'

export const LEVEL_LABEL: Record<ProcedureLevel, string> = T.level

/** URL slugs of the level pages (/cap/tinh, /cap/xa). */
export const LEVEL_SLUG: Record<ProcedureLevel, string> = { province: 'tinh', commune: 'xa' }

export const ONLINE_LABEL: Record<OnlineService, string> = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Chưa có dịch vụ công trực tuyến',
}

const number = new Intl.NumberFormat('vi-VN')

/** @example formatVnd(50000) === '50.000 đồng' */
export function formatVnd(amount: number): string {
  return `${number.format(amount)} đồng`
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
