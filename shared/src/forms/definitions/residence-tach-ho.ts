/**
 * 1.010038 Tách hộ — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.010038',
  form: ct01Form,
  components: [
    upload('c3', t('Giấy tờ chứng minh việc ly hôn và việc tiếp tục được sử dụng chỗ ở hợp pháp (vợ, chồng đã ly hôn)', 'Proof of the divorce and of the right to keep using the home (divorced spouses)')),
  ],
}

export default definition
