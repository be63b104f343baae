/** URL slugs of the two levels of government, as the server pages use them (`/cap/tinh`, `/cap/xa`). */
import type { ProcedureLevel } from '@portal/shared/catalog/schema'

const LEVEL_BY_SLUG: Record<string, ProcedureLevel> = { tinh: 'province', xa: 'commune' }
export const LEVELS: readonly ProcedureLevel[] = ['province', 'commune']

export function levelFromSlug(slug: string): ProcedureLevel | null {
  return LEVEL_BY_SLUG[slug] ?? null
}

export function levelSlug(level: ProcedureLevel): string {
  return level === 'province' ? 'tinh' : 'xa'
}
