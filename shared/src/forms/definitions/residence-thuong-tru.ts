/**
 * 1.004222 Đăng ký thường trú — Mẫu CT01 (ct01-form.ts). Every paper below depends on the applicant's case, so
 * each is optional and its label says when it is needed; the declaration itself is the form.
 */
import type { DossierDefinition } from '../definition.ts'
import { t, upload } from '../blocks.ts'
import ct01Form from './ct01-form.ts'

const definition: DossierDefinition = {
  procedureCode: '1.004222',
  form: ct01Form,
  components: [
    upload('c15', t('Giấy tờ chứng minh chỗ ở hợp pháp (khi thông tin chưa có trong cơ sở dữ liệu)', 'Proof of lawful home (when it is not in the databases)')),
    upload('c13', t('Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ được công chứng hoặc chứng thực (chỗ ở do thuê, mượn, ở nhờ)', 'Notarised lease, loan or lodging agreement (rented, borrowed or lodged home)')),
    upload('c14', t('Giấy tờ chứng minh đủ diện tích nhà ở tối thiểu (chỗ ở do thuê, mượn, ở nhờ, khi chưa có trong cơ sở dữ liệu)', 'Proof of the minimum floor area (rented, borrowed or lodged home, when not in the databases)')),
    upload('c7', t('Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình (khi chưa có trong cơ sở dữ liệu)', 'Proof of family relationship with the head or members of the household (when not in the databases)')),
    upload('c1', t('Văn bản đề nghị của người đứng đầu cơ sở trợ giúp xã hội (người được cơ sở trợ giúp xã hội nhận chăm sóc)', 'Request of the head of the social-assistance facility (person cared for there)')),
    upload('c6', t('Giấy tờ xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp', 'Papers confirming the care and support')),
    upload('c8', t('Văn bản xác nhận của UBND cấp xã về công trình phụ trợ là nhà ở trong cơ sở tín ngưỡng, tôn giáo', 'Commune confirmation of living quarters in the religious establishment')),
    upload('c9', t('Văn bản xác nhận của UBND cấp xã về người đăng ký thường trú tại cơ sở tín ngưỡng, tôn giáo', 'Commune confirmation that the person may reside in the religious establishment')),
    upload('c10', t('Giấy tờ chứng minh là nhà tu hành, chức sắc, chức việc hoặc người hoạt động tôn giáo tại cơ sở đó', 'Proof of being a religious dignitary or worker of that establishment')),
    upload('c11', t('Giấy giới thiệu của đơn vị Quân đội nhân dân (cấp trung đoàn trở lên)', 'Letter of introduction from the army unit (regiment or above)')),
    upload('c12', t('Giấy giới thiệu của Thủ trưởng đơn vị Công an nhân dân quản lý trực tiếp', 'Letter of introduction from the head of the police unit')),
    upload('c4', t('Văn bản xác nhận của UBND cấp xã về nơi phương tiện đậu, đỗ thường xuyên (chỗ ở là phương tiện)', 'Commune confirmation of where the vessel or vehicle used as a home is usually moored')),
    upload('c5', t('Giấy chứng nhận đăng ký và an toàn kỹ thuật của phương tiện, hoặc xác nhận của UBND cấp xã (chỗ ở là phương tiện)', 'Registration and safety certificates of the vehicle used as a home, or commune confirmation')),
  ],
}

export default definition
