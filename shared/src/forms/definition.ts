/**
 * The dossier definition format: what a procedure asks of an applicant, in one typed structure
 * from which the app draws its step-by-step form and from which the validation is derived (the
 * same on the device and, at intake, in the BFF).
 *
 * - A `DossierDefinition` names the procedure, its electronic form (tờ khai) if it has one, and
 *   its file components (thành phần hồ sơ) with their rules.
 * - A form is a list of sections; a section is a list of fields; a `group` field repeats a set
 *   of fields (e.g. family members). Field ids are unique within their level; a value's path is
 *   `fieldId` at the top level and `groupId.<index>.fieldId` inside a group.
 * - `showWhen` hides a field until another field (same level, or a top-level id) has a value;
 *   a hidden field is neither required nor validated, and its value is not submitted.
 * - Every text is bilingual (`{ vi, en }`); Vietnamese comes first and is what the law prints.
 *
 * Stored values: text kinds → string; number → number; date → ISO `yyyy-mm-dd` (shown
 * dd/mm/yyyy); select/radio → option value; checkbox → boolean (no options) or string[] (with
 * options); address → AddressValue; group → array of records.
 */

export interface Text {
  vi: string
  en: string
}

/** Show a field only when another field has a value (any, one of some, or exactly one). */
export interface Condition {
  field: string
  equals?: string | number | boolean
  in?: readonly string[]
}

/** Where a field may be prefilled from: the signed-in person's verified claims. */
export type PrefillSource = 'fullName' | 'identityNumber' | 'birthDate' | 'address' | 'phone' | 'email'

/**
 * What a field says about a person, so that facts can be checked against each other: an
 * identity number's birth year and sex against the birth date and sex fields of the same
 * `person` (same level: the top level, or one group item). A `sex` field's option values are
 * 'male' and 'female'.
 */
export interface PersonFact {
  person: string
  fact: 'identityNumber' | 'birthDate' | 'sex'
}

interface FieldBase {
  id: string
  label: Text
  hint?: Text
  required?: boolean
  showWhen?: Condition
  prefill?: PrefillSource
  about?: PersonFact
}

export interface TextField extends FieldBase {
  kind: 'text' | 'longText'
  maxLength?: number
}
export interface NumberField extends FieldBase {
  kind: 'number'
  min?: number
  max?: number
  integer?: boolean
}
/** `min`/`max`: an ISO date or 'today'. */
export interface DateField extends FieldBase {
  kind: 'date'
  min?: string
  max?: string
}
export interface Option {
  value: string
  label: Text
}
export interface ChoiceField extends FieldBase {
  kind: 'select' | 'radio'
  options: readonly Option[]
}
/** Without options: one yes/no box (boolean). With options: several boxes (string[]). */
export interface CheckboxField extends FieldBase {
  kind: 'checkbox'
  options?: readonly Option[]
}
export interface SimpleField extends FieldBase {
  kind: 'phone' | 'email' | 'identityNumber'
}
/** Province and commune (codes of the 34 provinces and 3,321 communes since 1 July 2025) and street. */
export interface AddressField extends FieldBase {
  kind: 'address'
}
export interface GroupField extends FieldBase {
  kind: 'group'
  fields: readonly Field[]
  itemLabel: Text
  min?: number
  max?: number
}

export type Field =
  | TextField
  | NumberField
  | DateField
  | ChoiceField
  | CheckboxField
  | SimpleField
  | AddressField
  | GroupField
export type FieldKind = Field['kind']

export interface Section {
  id: string
  title: Text
  fields: readonly Field[]
}

export interface FormDefinition {
  id: string
  /** Name of the official form it follows (e.g. "Tờ khai đăng ký khai sinh", Mẫu CT01). */
  title: Text
  /** Bumped when fields change, so a draft knows which definition it was written against. */
  version: number
  sections: readonly Section[]
}

export type FileType = 'image/jpeg' | 'image/png' | 'image/heic' | 'application/pdf'
/** What a component accepts unless the law says otherwise (HEIC only where the browser decodes it). */
export const DEFAULT_ACCEPT: readonly FileType[] = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf']
/** Id of the declaration component added when a procedure has a form but no electronic one. */
export const DECLARATION_COMPONENT_ID = 'declaration'

/** A file component of the dossier (refers to a catalogue component by id, or stands alone). */
export interface ComponentRule {
  /** The catalogue component's id (e.g. "c6"), or an id of its own for the declaration file. */
  id: string
  label: Text
  required: boolean
  /** Required only when a condition on the form holds. */
  requiredWhen?: Condition
  minFiles: number
  maxFiles: number
  accept: readonly FileType[]
  /** The original must be shown at the counter when the result is collected. */
  showOriginal: boolean
}

export const FILE_LIMIT_BYTES = 10 * 1024 * 1024
export const DOSSIER_LIMIT_BYTES = 50 * 1024 * 1024

export interface DossierDefinition {
  procedureCode: string
  /** Absent: no electronic form; the declaration is a component (a photo or scan of it). */
  form?: FormDefinition
  components: readonly ComponentRule[]
}

/** Values of a form (or of one group item), keyed by field id. */
export type FormValues = Record<string, unknown>

export interface AddressValue {
  provinceCode: string
  communeCode: string
  street: string
}
