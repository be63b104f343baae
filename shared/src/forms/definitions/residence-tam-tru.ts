/**
 * 1.004194 Đăng ký tạm trú — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.004194',
  form: ct01Form,
  components: [
    upload('c5', t('Giấy tờ chứng minh chỗ ở hợp pháp (khi thông tin chưa có trong cơ sở dữ liệu)', 'Proof of lawful home (when it is not in the databases)')),
    upload('c3', t('Văn bản đề nghị đăng ký tạm trú kèm danh sách người tạm trú (đăng ký theo danh sách)', 'Request with the list of people (registration by list)')),
    upload('c6', t('Giấy giới thiệu của đơn vị Quân đội nhân dân (cấp trung đoàn trở lên)', 'Letter of introduction from the army unit (regiment or above)')),
    upload('c7', t('Giấy giới thiệu của Thủ trưởng đơn vị Công an nhân dân quản lý trực tiếp', 'Letter of introduction from the head of the police unit')),
  ],
}

export default definition
