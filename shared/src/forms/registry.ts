/**
 * Which dossier definition a procedure has.
 *
 * - Registered procedures: a hand-written definition (definitions/*.ts), loaded by dynamic
 *   import so that each is its own chunk in the app (Vite) and loads lazily in Node alike.
 * - Every other procedure: a default derived from the catalogue (design decision 17). Each
 *   component that is handed in (not `presentOnly`) becomes an upload, required unless it
 *   belongs to a case (`group`) or its text says it is conditional ("Trường hợp...", "nếu
 *   có", "(nếu..."); the catalogue has no English names, so the English label says so. When the
 *   procedure has a declaration form (`formName`) and no component is that form, a required
 *   "Tờ khai (ảnh chụp hoặc bản scan)" component is added; a component that is the form
 *   (its name starts with "Tờ khai", "Đơn", "Giấy đề nghị", "Văn bản đề nghị", "(Phiếu) đề nghị" or the form's
 *   name) is made required.
 * - `canStartOnline`: the procedure has an online service (full or partial) and lists online
 *   among its submission methods; both, since the catalogue sometimes has one without the other.
 */
import type { Procedure } from '../catalog/schema.ts'
import type { ComponentRule, DossierDefinition } from './definition.ts'
import { DECLARATION_COMPONENT_ID, DEFAULT_ACCEPT } from './definition.ts'
import { fold } from '../text/fold.ts'

type Loader = () => Promise<{ default: DossierDefinition }>

const REGISTERED: Readonly<Record<string, Loader>> = {
  '1.001193': () => import('./definitions/khai-sinh.ts'),
  '1.000894': () => import('./definitions/ket-hon.ts'),
  '1.000656': () => import('./definitions/khai-tu.ts'),
  '1.004873': () => import('./definitions/xac-nhan-hon-nhan.ts'),
  '1.004837': () => import('./definitions/giam-ho.ts'),
  '1.001022': () => import('./definitions/nhan-cha-me-con.ts'),
  '1.004859': () => import('./definitions/thay-doi-ho-tich.ts'),
  '1.004222': () => import('./definitions/residence-thuong-tru.ts'),
  '1.004194': () => import('./definitions/residence-tam-tru.ts'),
  '1.002755': () => import('./definitions/residence-gia-han-tam-tru.ts'),
  '1.003197': () => import('./definitions/residence-xoa-thuong-tru.ts'),
  '1.010028': () => import('./definitions/residence-xoa-tam-tru.ts'),
  '1.010038': () => import('./definitions/residence-tach-ho.ts'),
  '1.010039': () => import('./definitions/residence-dieu-chinh.ts'),
  '1.010041': () => import('./definitions/residence-xac-nhan.ts'),
  '1.010040': () => import('./definitions/residence-khai-bao.ts'),
  '1.013314': () => import('./definitions/xac-nhan-cho-o.ts'),
  '1.001612': () => import('./definitions/ho-kinh-doanh.ts'),
  '1.013225': () => import('./definitions/giay-phep-xay-dung.ts'),
}

/** Codes of the procedures with a hand-written definition (an electronic form). */
export const REGISTERED_CODES: readonly string[] = Object.keys(REGISTERED)

export function hasElectronicForm(code: string): boolean {
  return Object.hasOwn(REGISTERED, code)
}

export function canStartOnline(procedure: Pick<Procedure, 'onlineService' | 'submissionMethods'>): boolean {
  return procedure.onlineService !== 'none' && procedure.submissionMethods.includes('online')
}

const CONDITIONAL = /^(truong hop|doi voi)|\(neu |neu co|trong truong hop/
const DECLARATION_START = /^(to khai|don |giay de nghi|van ban de nghi|de nghi |phieu de nghi|mau )/

function isDeclaration(name: string, formName: string | undefined): boolean {
  const folded = fold(name)
  if (formName && folded.startsWith(fold(formName).slice(0, 24))) return true
  return formName !== undefined && DECLARATION_START.test(folded)
}

/** The default definition of a procedure without a hand-written one (see the module comment). */
export function defaultDefinition(procedure: Procedure): DossierDefinition {
  let declarationFound = false
  const components: ComponentRule[] = procedure.components
    .filter((c) => !c.presentOnly)
    .map((c) => {
      const declaration = !declarationFound && isDeclaration(c.name, procedure.formName)
      if (declaration) declarationFound = true
      const conditional = c.group !== undefined || CONDITIONAL.test(fold(c.name))
      return {
        id: c.id,
        label: { vi: c.name, en: `Document ${c.id} (name in Vietnamese only): ${c.name}` },
        required: declaration || !conditional,
        minFiles: 1,
        maxFiles: Math.max(5, c.originals + c.copies),
        accept: DEFAULT_ACCEPT,
        showOriginal: false,
      }
    })
  if (procedure.formName && !declarationFound) {
    components.unshift({
      id: DECLARATION_COMPONENT_ID,
      label: {
        vi: `Tờ khai (ảnh chụp hoặc bản scan): ${procedure.formName}`,
        en: `Declaration form (photo or scan): ${procedure.formName}`,
      },
      required: true,
      minFiles: 1,
      maxFiles: 5,
      accept: DEFAULT_ACCEPT,
      showOriginal: false,
    })
  }
  return { procedureCode: procedure.code, components }
}

/** The definition of a procedure: its registered one, or the default from the catalogue. */
export async function dossierDefinitionFor(procedure: Procedure): Promise<DossierDefinition> {
  const load = REGISTERED[procedure.code]
  return load ? (await load()).default : defaultDefinition(procedure)
}
