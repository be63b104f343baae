/**
 * 1.002755 Gia hạn tạm trú — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.002755',
  form: ct01Form,
  components: [
    upload('c2', t('Văn bản đề nghị gia hạn tạm trú kèm danh sách người gia hạn (gia hạn theo danh sách)', 'Request with the list of people (extension by list)')),
    upload('c5', t('Giấy giới thiệu của đơn vị Quân đội nhân dân (cấp trung đoàn trở lên)', 'Letter of introduction from the army unit (regiment or above)')),
    upload('c6', t('Giấy giới thiệu của Thủ trưởng đơn vị Công an nhân dân quản lý trực tiếp', 'Letter of introduction from the head of the police unit')),
  ],
}

export default definition
