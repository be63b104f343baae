/**
 * 1.000894 Đăng ký kết hôn — Tờ khai đăng ký kết hôn (Thông tư 04/2024/TT-BTP), both parties
 * on one form (Bên nữ / Bên nam). Identity papers and proof of residence (c3, c4) are shown at
 * the counter; the electronic form stands for the paper and interactive forms (c1, c2).
 */
import type { DossierDefinition, Field } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, nationality, residence, t, upload } from '../blocks.ts'

function party(prefix: 'bride' | 'groom'): Field[] {
  return [
    fullName(`${prefix}Name`),
    birthDate(`${prefix}BirthDate`, prefix),
    ethnicity(`${prefix}Ethnicity`),
    ...nationality(`${prefix}Nationality`),
    residence(`${prefix}Residence`),
    identityNumber(`${prefix}IdNumber`, prefix),
    { id: `${prefix}MarriageCount`, kind: 'number', label: t('Kết hôn lần thứ mấy', 'Which marriage this is (1st, 2nd...)'), required: true, integer: true, min: 1, max: 20 },
  ]
}

const definition: DossierDefinition = {
  procedureCode: '1.000894',
  form: {
    id: 'ket-hon',
    title: t('Tờ khai đăng ký kết hôn', 'Marriage registration declaration'),
    version: 1,
    sections: [
      {
        id: 'applicant',
        title: t('Người nộp hồ sơ', 'Person submitting'),
        fields: [
          ...applicantFields(),
          { id: 'applicantIs', kind: 'radio', label: t('Người nộp hồ sơ là', 'I am'), required: true, options: [
            { value: 'bride', label: t('Bên nữ', 'The bride') },
            { value: 'groom', label: t('Bên nam', 'The groom') },
          ] },
        ],
      },
      { id: 'bride', title: t('Bên nữ', 'Bride'), fields: party('bride') },
      { id: 'groom', title: t('Bên nam', 'Groom'), fields: party('groom') },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [
        ...copyRequest(),
        { ...commitment(), label: t(
          'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình, và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
          'We declare that the above is true, that we marry of our own free will and in accordance with the Law on Marriage and Family, and we take legal responsibility for this declaration.',
        ) },
      ] },
    ],
  },
  components: [
    upload('marital-status', t(
      'Giấy xác nhận tình trạng hôn nhân (khi cơ quan đăng ký không khai thác được thông tin về tình trạng hôn nhân, hoặc một bên không cư trú tại nơi đăng ký)',
      'Certificate of marital status (when the registry cannot obtain it from the database, or a party lives elsewhere)',
    )),
  ],
}

export default definition
