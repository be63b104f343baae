/** Small hand-made procedures for unit tests of catalogue code (real data lives in the BFF seed). */
import type { AgencyKind, Field, Procedure } from './schema.ts'

export const fixtureFields: Field[] = [
  { id: 'ho-tich', code: 'H55-HT', name: 'Hộ tịch', nameEn: 'Civil status' },
  { id: 'xay-dung', code: 'H55-XD', name: 'Hoạt động xây dựng', nameEn: 'Construction' },
]

export const fixtureKinds: AgencyKind[] = [
  { id: 'commune-committee', name: 'Ủy ban nhân dân cấp xã', nameEn: "Commune People's Committee", level: 'commune' },
]

export function fixtureProcedure(over: Partial<Procedure> & Pick<Procedure, 'code' | 'name'>): Procedure {
  return {
    level: 'commune',
    field: 'ho-tich',
    agencyKind: 'commune-committee',
    onlineService: 'partial',
    submissionMethods: ['online', 'in-person'],
    processingTime: { text: '1 ngày làm việc', options: [{ amount: 1, unit: 'working-days' }] },
    fee: { kind: 'free', items: [] },
    components: [],
    notes: [],
    result: '',
    legalBasis: [],
    sources: [],
    ...over,
  }
}
