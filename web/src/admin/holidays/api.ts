/** The holiday table's admin API (bff/src/calendar/routes.ts), typed with the shared contract. */
import type { HolidayChange, HolidayDay, HolidayInput, HolidayPeriod, HolidayTableView } from '@portal/shared/calendar/schema'
import { api } from '../../auth/api.ts'

const BASE = '/api/admin/holidays'

export const holidaysApi = {
  table: () => api<HolidayTableView>(BASE),
  add: (input: HolidayInput) => api<HolidayDay>(BASE, { method: 'POST', json: input }),
  change: (date: string, change: HolidayChange) => api<HolidayDay>(`${BASE}/${date}`, { method: 'PATCH', json: change }),
  remove: (date: string) => api<void>(`${BASE}/${date}`, { method: 'DELETE' }),
  confirm: (date: string, source?: string) => api<HolidayDay>(`${BASE}/${date}/confirm`, { method: 'POST', ...(source ? { json: { source } } : {}) }),
  setPeriod: (period: HolidayPeriod) => api<HolidayPeriod>(`${BASE}/period`, { method: 'PUT', json: period }),
}

/** `yyyy-mm-dd` as the Vietnamese order `dd/mm/yyyy`. */
export const shownDate = (date: string) => date.split('-').reverse().join('/')

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
export const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
