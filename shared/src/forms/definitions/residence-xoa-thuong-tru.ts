/**
 * 1.003197 Xóa đăng ký thường trú — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.003197',
  form: ct01Form,
  components: [
    upload('c2', t('Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú (khi thông tin chưa có trong cơ sở dữ liệu)', 'Proof that the case calls for removal (when not in the databases)')),
  ],
}

export default definition
