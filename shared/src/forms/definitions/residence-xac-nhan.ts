/**
 * 1.010041 Xác nhận thông tin về cư trú — Mẫu CT01 (ct01-form.ts). Nothing to upload: the declaration is the form and
 * the facts are looked up in the population and residence databases.
 */
import type { DossierDefinition } from '../definition.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.010041',
  form: ct01Form,
  components: [],
}

export default definition
