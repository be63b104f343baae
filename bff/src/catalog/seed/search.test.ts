import { describe, expect, it } from 'vitest'
import { createProcedureIndex } from '@portal/shared/catalog/search'
import { benchQueries } from '@portal/shared/catalog/queries'
import type { AgencyKind, Field, Procedure } from '@portal/shared/catalog/schema'
import procedures from './procedures.json' with { type: 'json' }
import fields from './fields.json' with { type: 'json' }
import agencyKinds from './agency-kinds.json' with { type: 'json' }

// The real catalogue against the fixed query set: what people type must find what they mean.
const index = createProcedureIndex(procedures as Procedure[], fields as Field[], agencyKinds as AgencyKind[])

describe('search over the real catalogue', () => {
  it.each(benchQueries.map((q) => [q.kind, q.query, q.expect] as const))(
    '%s query "%s" finds %s among the first three',
    (_kind, query, expected) => {
      const top = index.search(query, 3).map((h) => h.code)
      expect(top).toContain(expected)
    },
  )

  it('indexes every procedure', () => {
    expect(index.size).toBe(procedures.length)
  })
})
