/**
 * 1.010039 Điều chỉnh thông tin về cư trú — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.010039',
  form: ct01Form,
  components: [
    upload('c2', t('Giấy tờ chứng minh việc điều chỉnh thông tin (khi không có trong Cơ sở dữ liệu hộ tịch điện tử)', 'Proof of the change (when not in the electronic civil-status database)')),
  ],
}

export default definition
