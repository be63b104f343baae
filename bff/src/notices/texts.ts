/**
 * The phrases notices are made of, each in Vietnamese and English (Vietnamese first: the
 * portal's language; English for foreigners and the e-mail's second line). Dates are Vietnam
 * time (UTC+7, no daylight saving), whatever the server's zone.
 */
import type { Bilingual } from '@portal/shared/notices/schema'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { vietnamReadable } from '../dossiers/codes.ts'

/** The app's name for the applicant's dossiers (web/src/i18n: app.myDossiers). */
export const MY_DOSSIERS: Bilingual = { vi: '«Hồ sơ của tôi»', en: '“My dossiers” (Hồ sơ của tôi)' }

const EN_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `17:00 ngày 15/07/2026` / `15 July 2026 at 17:00`. */
export function when(iso: string): Bilingual {
  return { vi: vietnamReadable(iso), en: EN_DATE.format(new Date(iso)) }
}

/** `200.000 đồng` / `VND 200,000`. */
export function money(amountVnd: number): Bilingual {
  return { vi: `${new Intl.NumberFormat('vi-VN').format(amountVnd)} đồng`, en: `VND ${new Intl.NumberFormat('en-GB').format(amountVnd)}` }
}

export interface DossierFacts {
  receipt: DossierReceipt
  /** The postal address written out, when the result goes by post. */
  postalAddress?: string
}

/** "dossier 000.00.01.H55-260701-0001 (Đăng ký khai sinh)" */
export function dossierName({ receipt }: DossierFacts): Bilingual {
  return {
    vi: `hồ sơ ${receipt.code} (${receipt.procedure.name})`,
    en: `dossier ${receipt.code} (${receipt.procedure.name})`,
  }
}

/** How the result will reach the applicant, as chosen at submission. */
export function deliveryPlan(facts: DossierFacts): Bilingual {
  const { receipt, postalAddress } = facts
  switch (receipt.resultDelivery.method) {
    case 'at-agency':
      return {
        vi: `Kết quả được trả trực tiếp tại ${receipt.agency.name}; khi đến nhận, hãy mang theo mã hồ sơ ${receipt.code} và giấy tờ tùy thân (căn cước).`,
        en: `The result is handed over at ${receipt.agency.name}; bring the dossier code ${receipt.code} and your identity card when you collect it.`,
      }
    case 'post':
      return {
        vi: `Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ: ${postalAddress ?? ''}.`,
        en: `The result will be sent by post to: ${postalAddress ?? ''}.`,
      }
    case 'online':
      return {
        vi: `Kết quả được trả trực tuyến: bạn tải về trong mục ${MY_DOSSIERS.vi} trên Cổng.`,
        en: `The result is returned online: you download it under ${MY_DOSSIERS.en} on the portal.`,
      }
  }
}

export function dueLine(dueAt: string, uncertain: boolean): Bilingual {
  const due = when(dueAt)
  const line = { vi: `Ngày hẹn trả kết quả: ${due.vi}.`, en: `Result due: ${due.en}.` }
  if (!uncertain) return line
  return {
    vi: `${line.vi} Ngày hẹn này là dự kiến: lịch nghỉ lễ dùng để tính chưa được công bố chính thức, nên có thể thay đổi.`,
    en: `${line.en} This date is provisional: the public holidays it depends on are not yet officially announced, so it may change.`,
  }
}

export const FOLLOW: Bilingual = {
  vi: `Bạn không cần làm gì thêm lúc này. Theo dõi tiến độ trong mục ${MY_DOSSIERS.vi}; chúng tôi sẽ báo ngay khi có thay đổi.`,
  en: `Nothing more is needed from you now. Follow the progress under ${MY_DOSSIERS.en}; we will tell you as soon as anything changes.`,
}

export const VIEW_DOSSIER: Bilingual = { vi: 'Xem hồ sơ', en: 'View the dossier' }

/** Words an officer wrote (Vietnamese only), introduced in both languages. */
export const AS_WRITTEN = { vi: '', en: ' (as written by the agency, in Vietnamese)' }
