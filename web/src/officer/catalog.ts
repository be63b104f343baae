/**
 * What the officers' screens read from the catalogue on the device: the procedures their
 * agencies handle (the queue's procedure filter) and agency names. Without a catalogue or a
 * directory on the device (first start offline) the lists are simply shorter: every procedure,
 * codes instead of names.
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import type { Text } from '@portal/shared/forms/definition'
import { readAgencies } from '../catalog/agencies.ts'
import { readProcedure } from '../catalog/local.ts'
import { portalDb } from '../db.ts'
import { compareNames } from '../ui/collate.ts'

export interface ProcedureChoice {
  code: string
  name: string
}

/** The procedures handled by the kinds of agency the officer works for (all, when unknown), by name. */
export async function agencyProcedures(agencyCodes: readonly string[]): Promise<ProcedureChoice[]> {
  const db = await portalDb()
  const directory = await readAgencies(db)
  const kinds = [...new Set((directory?.agencies ?? []).filter((a) => agencyCodes.includes(a.code)).map((a) => a.kind))]
  const rows = kinds.length ? await db.procedures.where('agencyKind').anyOf(kinds).toArray() : await db.procedures.toArray()
  return rows.map(({ code, name }) => ({ code, name })).sort((a, b) => compareNames('vi')(a.name, b.name))
}

/** Agency code → name in both languages, from the directory on the device. */
export async function agencyNames(): Promise<Map<string, Text>> {
  const directory = await readAgencies(await portalDb())
  return new Map((directory?.agencies ?? []).map((a) => [a.code, { vi: a.name, en: a.nameEn }]))
}

export async function procedureOnDevice(code: string): Promise<Procedure | null> {
  return readProcedure(await portalDb(), code)
}
