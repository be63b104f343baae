/** The agency directory's admin API (bff/src/catalog/directory/routes.ts), typed with the shared contract. */
import type { AgencyChange, AgencyInput, DirectoryEdit, DirectoryView } from '@portal/shared/catalog/directory'
import { api } from '../../auth/api.ts'

const BASE = '/api/admin/agencies'

export const directoryApi = {
  view: () => api<DirectoryView>(BASE),
  add: (input: AgencyInput) => api<DirectoryEdit>(BASE, { method: 'POST', json: input }),
  change: (code: string, change: AgencyChange) => api<DirectoryEdit>(`${BASE}/${code}`, { method: 'PATCH', json: change }),
  deactivate: (code: string) => api<DirectoryEdit>(`${BASE}/${code}/deactivate`, { method: 'POST' }),
  reactivate: (code: string) => api<DirectoryEdit>(`${BASE}/${code}/reactivate`, { method: 'POST' }),
  remove: (code: string) => api<void>(`${BASE}/${code}`, { method: 'DELETE' }),
}
