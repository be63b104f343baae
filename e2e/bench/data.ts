/** The real catalogue seed, read from the repository (as the BFF seeds it). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AgencyKind, Field, Procedure } from '@portal/shared/catalog/schema'
import { repoRoot } from '../support/server.ts'

const seedDir = join(repoRoot, 'bff/src/catalog/seed')
const read = <T>(name: string): T => JSON.parse(readFileSync(join(seedDir, name), 'utf8')) as T

export function realCatalog(): { procedures: Procedure[]; fields: Field[]; agencyKinds: AgencyKind[] } {
  return {
    procedures: read<Procedure[]>('procedures.json'),
    fields: read<Field[]>('fields.json'),
    agencyKinds: read<AgencyKind[]>('agency-kinds.json'),
  }
}
