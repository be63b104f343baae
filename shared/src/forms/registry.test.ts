import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Procedure } from '../catalog/schema.ts'
import type { Condition, DossierDefinition, Field } from './definition.ts'
import { DECLARATION_COMPONENT_ID } from './definition.ts'
import { REGISTERED_CODES, canStartOnline, defaultDefinition, dossierDefinitionFor, hasElectronicForm } from './registry.ts'
import { topLevelFields } from './visibility.ts'

const seed = JSON.parse(readFileSync(new URL('../../../bff/src/catalog/seed/procedures.json', import.meta.url), 'utf8')) as Procedure[]
const byCode = new Map(seed.map((p) => [p.code, p]))

/** Every `{ vi, en }` object reachable from a value. */
function texts(value: unknown, path = '', out: { path: string; vi: unknown; en: unknown }[] = []) {
  if (typeof value !== 'object' || value === null) return out
  const record = value as Record<string, unknown>
  if ('vi' in record || 'en' in record) out.push({ path, vi: record.vi, en: record.en })
  for (const [k, v] of Object.entries(record)) texts(v, `${path}.${k}`, out)
  return out
}

function checkLevel(fields: readonly Field[], topIds: ReadonlySet<string>, where: string) {
  const ids = fields.map((f) => f.id)
  expect(new Set(ids).size, `${where}: duplicate field id`).toBe(ids.length)
  for (const f of fields) {
    if (f.showWhen) expect(ids.includes(f.showWhen.field) || topIds.has(f.showWhen.field), `${where}.${f.id} condition`).toBe(true)
    if ((f.kind === 'select' || f.kind === 'radio' || f.kind === 'checkbox') && f.options) {
      const values = f.options.map((o) => o.value)
      expect(new Set(values).size, `${where}.${f.id} options`).toBe(values.length)
      if (f.about?.fact === 'sex') expect([...values].sort()).toEqual(['female', 'male'])
    }
    if (f.kind === 'group') checkLevel(f.fields, topIds, `${where}.${f.id}`)
  }
}

function checkCondition(c: Condition | undefined, topIds: ReadonlySet<string>, where: string) {
  if (c) expect(topIds.has(c.field), `${where}: requiredWhen on unknown field ${c.field}`).toBe(true)
}

describe('registered definitions', async () => {
  const loaded: [string, DossierDefinition][] = await Promise.all(
    REGISTERED_CODES.map(async (code) => [code, await dossierDefinitionFor(byCode.get(code)!)] as [string, DossierDefinition]),
  )

  it('cover the required procedures, all in the catalogue', () => {
    for (const code of ['1.001193', '1.000894', '1.000656', '1.004873', '1.004837', '1.001022', '1.004859', '1.004222', '1.004194', '1.002755', '1.003197', '1.010028', '1.010038', '1.010039', '1.010041', '1.010040', '1.013314', '1.001612', '1.013225']) {
      expect(hasElectronicForm(code), code).toBe(true)
      expect(byCode.has(code), code).toBe(true)
    }
  })

  it.each(REGISTERED_CODES)('%s is consistent with itself and the catalogue', (code) => {
    const def = loaded.find(([c]) => c === code)![1]
    const procedure = byCode.get(code)!
    expect(def.procedureCode).toBe(code)
    const form = def.form!
    expect(form).toBeDefined()
    const sectionIds = form.sections.map((s) => s.id)
    expect(new Set(sectionIds).size).toBe(sectionIds.length)
    const topIds = new Set(topLevelFields(form).map((f) => f.id))
    checkLevel(topLevelFields(form), topIds, code)
    const componentIds = def.components.map((c) => c.id)
    expect(new Set(componentIds).size).toBe(componentIds.length)
    for (const rule of def.components) {
      if (/^c\d+$/.test(rule.id)) {
        const component = procedure.components.find((c) => c.id === rule.id)
        expect(component, `${code} ${rule.id} not in the catalogue`).toBeDefined()
        expect(component!.presentOnly, `${code} ${rule.id} is shown at the counter`).toBe(false)
      }
      checkCondition(rule.requiredWhen, topIds, `${code} ${rule.id}`)
      expect(rule.minFiles).toBeGreaterThanOrEqual(1)
      expect(rule.maxFiles).toBeGreaterThanOrEqual(rule.minFiles)
      expect(rule.accept.length).toBeGreaterThan(0)
    }
    for (const text of texts(def)) {
      expect(typeof text.vi === 'string' && text.vi.trim() !== '', `${code}${text.path} vi`).toBe(true)
      expect(typeof text.en === 'string' && text.en.trim() !== '', `${code}${text.path} en`).toBe(true)
    }
  })

  it('prefill the applicant where a form asks for them', () => {
    const birth = loaded.find(([c]) => c === '1.001193')![1]
    const prefills = topLevelFields(birth.form!).map((f) => f.prefill).filter(Boolean)
    expect(prefills.sort()).toEqual(['address', 'birthDate', 'email', 'fullName', 'identityNumber', 'phone'])
  })
})

describe('every procedure of the catalogue', () => {
  it('gets a definition without throwing', async () => {
    for (const procedure of seed) {
      const def = await dossierDefinitionFor(procedure)
      expect(def.procedureCode).toBe(procedure.code)
      if (!hasElectronicForm(procedure.code) && procedure.formName) {
        expect(def.components.some((c) => c.required && (c.id === DECLARATION_COMPONENT_ID || /^(Tờ khai|Đơn|Giấy đề nghị|Văn bản đề nghị|Đề nghị|Phiếu đề nghị|Mẫu)/i.test(c.label.vi) || c.label.vi.startsWith(procedure.formName!.slice(0, 20)))), procedure.code).toBe(true)
      }
    }
  })

  it('default: uploads for handed-in components, optional by case, a declaration when a form exists', () => {
    const procedure: Procedure = {
      ...seed[0]!,
      code: '9.999999',
      formName: 'Tờ khai ABC',
      components: [
        { id: 'c1', name: 'Bản sao giấy tờ A', originals: 0, copies: 1, presentOnly: false },
        { id: 'c2', name: 'Trường hợp ủy quyền: văn bản ủy quyền', originals: 1, copies: 0, presentOnly: false },
        { id: 'c3', name: 'Giấy tờ B', originals: 1, copies: 0, presentOnly: false, group: 'Trường hợp X' },
        { id: 'c4', name: 'Thẻ căn cước', originals: 1, copies: 0, presentOnly: true },
      ],
    }
    const def = defaultDefinition(procedure)
    expect(def.form).toBeUndefined()
    expect(def.components.map((c) => [c.id, c.required])).toEqual([[DECLARATION_COMPONENT_ID, true], ['c1', true], ['c2', false], ['c3', false]])
    const withForm = defaultDefinition({ ...procedure, components: [{ id: 'c1', name: 'Tờ khai ABC theo mẫu', originals: 1, copies: 0, presentOnly: false }] })
    expect(withForm.components.map((c) => [c.id, c.required])).toEqual([['c1', true]])
  })

  it('canStartOnline needs an online service and online submission', () => {
    const p = seed[0]!
    expect(canStartOnline({ onlineService: 'partial', submissionMethods: ['online', 'in-person'] })).toBe(true)
    expect(canStartOnline({ onlineService: 'none', submissionMethods: ['online'] })).toBe(false)
    expect(canStartOnline({ onlineService: 'full', submissionMethods: ['in-person'] })).toBe(false)
    expect(typeof canStartOnline(p)).toBe('boolean')
  })
})
