/**
 * The rules a submission must meet beyond its shape (the shape is checked at the edge with
 * DossierSubmissionSchema). Every fault is collected and reported at once (NĐ 61/2018: an
 * online notice states every requirement together), each with the path of what is wrong:
 *
 * - `procedureCode`: the procedure exists and can be started online (`canStartOnline`);
 *   nothing else is checked without it.
 * - `form.<field path>`: the form passes `formSchema(def.form, { addresses })` (Vietnamese
 *   messages); a procedure without an electronic form takes an empty `form`.
 * - `components.<componentId>`: known components, each once; a required one (or one required
 *   by `requiredWhen` on the form's values) has at least `minFiles` files; none has more than
 *   `maxFiles`; each file's type is accepted, and the caller holds a grant for the file's
 *   SHA-256 with the same size and type. The message is the same whether the bytes exist on
 *   the server or not (design decision 7).
 * - `components`: the total size is at most DOSSIER_LIMIT_BYTES.
 * - `communeCode`: for a commune-level procedure, a commune with an agency of the procedure's
 *   kind in the directory; that agency receives the dossier. A province-level procedure goes to
 *   the directory's agency of its kind.
 * - `resultDelivery.address`: a postal address in the address list.
 */
import * as v from 'valibot'
import type { Agency, AgencyDirectory, Procedure } from '@portal/shared/catalog/schema'
import type { DossierSubmission } from '@portal/shared/dossiers/schema'
import { isValidAddress, type AddressDataset } from '@portal/shared/forms/address'
import { DOSSIER_LIMIT_BYTES, type ComponentRule, type DossierDefinition, type FormValues } from '@portal/shared/forms/definition'
import { canStartOnline, dossierDefinitionFor } from '@portal/shared/forms/registry'
import { formSchema } from '@portal/shared/forms/validate'
import { isFieldVisible } from '@portal/shared/forms/visibility'
import type { ProblemErrors } from '../http/problem.ts'
import type { Grant } from '../uploads/repository.ts'
import { dossierInvalid } from './problems.ts'

export interface CheckContext {
  procedures: ReadonlyMap<string, Procedure>
  agencies: AgencyDirectory
  addresses: AddressDataset
  /** ISO date of today in Vietnam (date bounds of the form). */
  today: string
  /** Whether the caller holds a grant for these bytes. */
  hasGrant(grant: Grant): boolean
}

export interface CheckedDossier {
  procedure: Procedure
  definition: DossierDefinition
  agency: Agency
  /** The form's values as normalised and pruned by its schema. */
  form: FormValues
}

const bytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`)

export function isComponentRequired(rule: ComponentRule, values: FormValues): boolean {
  if (rule.required) return true
  if (!rule.requiredWhen) return false
  return isFieldVisible({ id: rule.id, kind: 'text', label: rule.label, showWhen: rule.requiredWhen }, values)
}

/** Checks a submission; throws a 422 `dossier-invalid` problem listing every fault. */
export async function checkSubmission(submission: DossierSubmission, ctx: CheckContext): Promise<CheckedDossier> {
  const procedure = ctx.procedures.get(submission.procedureCode)
  if (!procedure) throw dossierInvalid([{ path: 'procedureCode', message: `Không có thủ tục mã ${submission.procedureCode}.` }])
  if (!canStartOnline(procedure)) throw dossierInvalid([{ path: 'procedureCode', message: `Thủ tục "${procedure.name}" không nhận hồ sơ trực tuyến.` }])
  const definition = await dossierDefinitionFor(procedure)
  const errors: ProblemErrors = []

  let form: FormValues = {}
  // Which components are required follows the answers: the normalised ones, or as sent when the form fails.
  let answers: FormValues = {}
  if (definition.form) {
    const parsed = v.safeParse(formSchema(definition.form, { addresses: ctx.addresses, today: ctx.today }), submission.form)
    if (parsed.success) form = answers = parsed.output
    else {
      answers = submission.form
      for (const issue of parsed.issues) errors.push({ path: `form.${v.getDotPath(issue) ?? ''}`, message: issue.message })
    }
  } else if (Object.keys(submission.form).length > 0) {
    errors.push({ path: 'form', message: 'Thủ tục này không có tờ khai điện tử: tờ khai được nộp dưới dạng tệp đính kèm.' })
  }

  errors.push(...componentErrors(submission, definition, answers, ctx))

  const agency = receivingAgency(procedure, submission.communeCode, ctx.agencies)
  if (typeof agency === 'string') errors.push({ path: 'communeCode', message: agency })

  const delivery = submission.resultDelivery
  if (delivery.method === 'post' && !isValidAddress(delivery.address, ctx.addresses)) {
    errors.push({ path: 'resultDelivery.address', message: 'Địa chỉ nhận kết quả qua bưu chính không có trong danh mục đơn vị hành chính.' })
  }

  if (errors.length > 0 || typeof agency === 'string') throw dossierInvalid(errors)
  return { procedure, definition, agency, form }
}

function componentErrors(submission: DossierSubmission, definition: DossierDefinition, form: FormValues, ctx: CheckContext): ProblemErrors {
  const rules = new Map(definition.components.map((rule) => [rule.id, rule]))
  const { errors, given, total } = suppliedComponentErrors(submission.components, rules, ctx.hasGrant)
  for (const rule of definition.components) {
    const n = given.get(rule.id)?.files.length ?? 0
    const min = Math.max(1, rule.minFiles)
    if (isComponentRequired(rule, form) && n < min) {
      errors.push({ path: `components.${rule.id}`, message: `Thiếu thành phần bắt buộc "${rule.label.vi}": cần ít nhất ${min} tệp.` })
    }
  }
  errors.push(...totalSizeErrors(total))
  return errors
}

type SuppliedComponent = DossierSubmission['components'][number]

/**
 * The faults of components as sent (at intake, or in a supplement): each known to the procedure
 * and sent once, at most `maxFiles` files, each of an accepted type and uploaded by the caller.
 * Also what was given, by component, and the total size.
 */
export function suppliedComponentErrors(
  components: readonly SuppliedComponent[],
  rules: ReadonlyMap<string, ComponentRule>,
  hasGrant: (grant: Grant) => boolean,
): { errors: ProblemErrors; given: Map<string, SuppliedComponent>; total: number } {
  const errors: ProblemErrors = []
  const given = new Map<string, SuppliedComponent>()
  let total = 0
  for (const component of components) {
    const path = `components.${component.componentId}`
    const rule = rules.get(component.componentId)
    if (!rule) {
      errors.push({ path, message: `Thủ tục này không có thành phần hồ sơ "${component.componentId}".` })
      continue
    }
    if (given.has(rule.id)) {
      errors.push({ path, message: `Thành phần "${rule.label.vi}" được gửi hai lần.` })
      continue
    }
    given.set(rule.id, component)
    if (component.files.length > rule.maxFiles) errors.push({ path, message: `Thành phần "${rule.label.vi}": nhiều nhất ${rule.maxFiles} tệp (đã gửi ${component.files.length}).` })
    for (const file of component.files) {
      total += file.size
      if (!rule.accept.includes(file.type)) {
        errors.push({ path, message: `Thành phần "${rule.label.vi}": tệp "${file.name}" thuộc loại ${file.type}, không được chấp nhận.` })
      } else if (!hasGrant({ sha256: file.sha256, size: file.size, type: file.type })) {
        errors.push({ path, message: `Thành phần "${rule.label.vi}": tệp "${file.name}" chưa được tải lên từ tài khoản này (hoặc khác kích thước, loại tệp). Hãy tải tệp lên rồi gửi lại.` })
      }
    }
  }
  return { errors, given, total }
}

/** The total size of a dossier's files is at most DOSSIER_LIMIT_BYTES. */
export function totalSizeErrors(total: number): ProblemErrors {
  if (total <= DOSSIER_LIMIT_BYTES) return []
  return [{ path: 'components', message: `Tổng dung lượng các tệp là ${bytes(total)}, vượt giới hạn ${bytes(DOSSIER_LIMIT_BYTES)} của một hồ sơ.` }]
}

/** The agency that receives the dossier, or why there is none. */
export function receivingAgency(procedure: Procedure, communeCode: string | undefined, directory: AgencyDirectory): Agency | string {
  const ofKind = directory.agencies.filter((a) => a.kind === procedure.agencyKind)
  if (procedure.level === 'commune') {
    if (!communeCode) return 'Hãy chọn xã, phường nơi nộp hồ sơ (thủ tục cấp xã).'
    return ofKind.find((a) => a.communeCode === communeCode) ?? `Không có cơ quan tiếp nhận thủ tục này tại xã, phường mã ${communeCode} trên cổng.`
  }
  return ofKind.find((a) => a.communeCode === undefined) ?? ofKind[0] ?? 'Chưa có cơ quan tiếp nhận thủ tục này trong danh bạ cơ quan.'
}
