/**
 * What to tell the applicant after a change of their dossier: pure, from the applied change
 * (relay/contract.ts), the dossier's receipt and the supplement deadline rule.
 *
 * Which notice: the late apology when the change issued Mẫu 04 (it does not change the status);
 * otherwise one per `notify-applicant` effect (every status change), chosen by the new status
 * and, where it matters, the old one (a receipt after a supplement restarts the count; a refusal
 * after review is not a refusal at the counter). Changes with neither (a transfer between units,
 * an opinion) tell the applicant nothing.
 *
 * Every notice says what happened, then exactly what to do: the items and the deadline of a
 * supplement and where to supply them, the reasons of a refusal, the due date and how the result
 * comes back, the fees to pay, or that nothing is needed.
 */
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { Effect } from '@portal/shared/lifecycle/types'
import type { Bilingual, NoticeContent, NoticeKind } from '@portal/shared/notices/schema'
import type { AppliedChange } from '../relay/contract.ts'
import { AS_WRITTEN, deliveryPlan, dossierName, dueLine, FOLLOW, money, MY_DOSSIERS, VIEW_DOSSIER, when, type DossierFacts } from './texts.ts'

export interface ComposedNotice {
  kind: NoticeKind
  status: DossierStatus
  content: NoticeContent
}

export interface ComposeContext {
  /** The applicant's deadline for a supplement requested at `requestedAt`. */
  supplyBy(requestedAt: string): { dueAt: string; uncertain: boolean }
}

type Slip<F extends number> = Extract<Effect, { kind: 'slip'; form: F }>
function slip<F extends 1 | 2 | 3 | 4 | 5>(change: AppliedChange, form: F): Slip<F> | undefined {
  return change.effects.find((e): e is Slip<F> => e.kind === 'slip' && e.form === form)
}

const dossierPath = (change: AppliedChange) => `/ho-so/da-nop/${change.dossierId}`
const view = (change: AppliedChange) => ({ label: VIEW_DOSSIER, path: dossierPath(change) })
const sentence = (vi: string, en: string): Bilingual => ({ vi, en })
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function dueOf(change: AppliedChange, dueAt: string | undefined): Bilingual[] {
  if (!dueAt) return []
  const { state } = change
  return [dueLine(dueAt, state.dueBeyondTable === true || (state.dueProvisional?.length ?? 0) > 0)]
}

export function composeNotice(change: AppliedChange, facts: DossierFacts, context: ComposeContext): ComposedNotice | undefined {
  const apology = slip(change, 4)
  if (apology) return { kind: 'late', status: change.to, content: late(change, facts, apology) }
  const notify = change.effects.filter((e) => e.kind === 'notify-applicant').at(-1)
  if (!notify) return undefined
  const status = notify.status
  const made = (kind: NoticeKind, content: NoticeContent): ComposedNotice => ({ kind, status, content })
  const receipt = slip(change, 1)
  if (receipt) return made('received', received(change, facts, receipt))
  switch (status) {
    case 'registered':
      return made('supplementReceived', supplementReceived(change, facts))
    case 'accepted':
      return made('received', received(change, facts, undefined))
    case 'refused':
      return made('refused', refused(change, facts, slip(change, 3)?.reasons ?? []))
    case 'supplementRequested':
      return made('supplementRequested', supplementRequested(change, facts, slip(change, 2)?.items.map((i) => i.description) ?? [], context))
    case 'processing':
      return made('processing', processing(change, facts))
    case 'financialObligation':
      return made('financialObligation', financialObligation(change, facts))
    case 'processed':
      return made('processed', processed(change, facts))
    case 'returned':
      return made('returned', returned(change, facts))
    case 'withdrawn':
      return made('withdrawn', withdrawn(change, facts))
    case 'stopped':
      return made('stopped', stopped(change, facts))
  }
}

function received(change: AppliedChange, facts: DossierFacts, slip1: Slip<1> | undefined): NoticeContent {
  const name = dossierName(facts)
  const agency = facts.receipt.agency.name
  const afterSupplement = change.from === 'supplementRequested'
  return {
    title: afterSupplement
      ? sentence('Đã nhận đủ hồ sơ bổ sung: hồ sơ được tiếp nhận lại', 'Supplement complete: your dossier is received again')
      : sentence('Hồ sơ đã được tiếp nhận', 'Your dossier has been received'),
    lines: [
      afterSupplement
        ? sentence(
            `${agency} đã nhận đủ hồ sơ bổ sung của ${name.vi}. Thời hạn giải quyết được tính lại từ ngày nhận đủ.`,
            `${agency} has received the complete supplement of ${name.en}. The processing time starts again from that day.`,
          )
        : sentence(`${agency} đã tiếp nhận ${name.vi}.`, `${agency} has received ${name.en}.`),
      ...dueOf(change, slip1?.dueAt ?? change.state.dueAt),
      deliveryPlan(facts),
      FOLLOW,
    ],
    action: view(change),
  }
}

function supplementReceived(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const agency = facts.receipt.agency.name
  return {
    title: sentence('Đã nhận hồ sơ bổ sung', 'Supplement received'),
    lines: [
      sentence(`Hồ sơ bổ sung của ${name.vi} đã được nhận; ${agency} sẽ kiểm tra và tiếp nhận.`, `The supplement of ${name.en} has arrived; ${agency} will check it and receive the dossier.`),
      sentence(
        'Bạn không cần làm gì thêm. Khi hồ sơ được tiếp nhận, chúng tôi sẽ báo kèm ngày hẹn trả kết quả.',
        'Nothing more is needed from you. When the dossier is received we will tell you, with the date of the result.',
      ),
    ],
    action: view(change),
  }
}

function refused(change: AppliedChange, facts: DossierFacts, reasons: string[]): NoticeContent {
  const name = dossierName(facts)
  const { agency, code } = facts.receipt
  const afterReview = change.from !== 'registered'
  return {
    title: afterReview
      ? sentence('Hồ sơ không được giải quyết', 'Your application has been refused')
      : sentence('Hồ sơ không được tiếp nhận', 'Your dossier was not accepted'),
    lines: [
      afterReview
        ? sentence(`${agency.name} từ chối giải quyết ${name.vi}, vì các lý do dưới đây.`, `${agency.name} refuses ${name.en}, for the reasons below.`)
        : sentence(`${agency.name} không tiếp nhận ${name.vi}, vì các lý do dưới đây.`, `${agency.name} did not accept ${name.en}, for the reasons below.`),
      sentence(
        `Bạn có thể nộp hồ sơ mới sau khi đã khắc phục các lý do trên. Nếu cần hướng dẫn, hãy liên hệ ${agency.name} và nêu mã hồ sơ ${code}.`,
        `You may submit a new dossier once these reasons are dealt with. For guidance, contact ${agency.name} quoting the dossier code ${code}.`,
      ),
    ],
    list: { heading: sentence('Lý do:', `Reasons${AS_WRITTEN.en}:`), items: reasons },
    action: view(change),
  }
}

function supplementRequested(change: AppliedChange, facts: DossierFacts, items: string[], context: ComposeContext): NoticeContent {
  const name = dossierName(facts)
  const { agency, code } = facts.receipt
  const deadline = context.supplyBy(change.event.at)
  const by = when(deadline.dueAt)
  return {
    title: sentence('Hồ sơ cần bổ sung', 'Your dossier needs a supplement'),
    lines: [
      sentence(`${agency.name} đề nghị bổ sung, hoàn thiện ${name.vi} với các nội dung dưới đây.`, `${agency.name} asks you to complete ${name.en} with what is listed below.`),
      sentence(
        `Hạn bổ sung: ${by.vi}.${deadline.uncertain ? ' (Hạn này là dự kiến: lịch nghỉ lễ dùng để tính chưa được công bố chính thức.)' : ''}`,
        `Supply it by: ${by.en}.${deadline.uncertain ? ' (Provisional: the public holidays it depends on are not yet officially announced.)' : ''}`,
      ),
      sentence(
        `Cách bổ sung: mở mục ${MY_DOSSIERS.vi} trên Cổng, chọn hồ sơ ${code} và gửi đủ các nội dung trên trong một lần.`,
        `How: open ${MY_DOSSIERS.en} on the portal, choose dossier ${code} and send everything listed above at once.`,
      ),
      sentence(
        'Trong thời gian chờ bổ sung, thời hạn giải quyết tạm dừng; thời hạn được tính lại từ ngày nhận đủ hồ sơ bổ sung. Quá hạn mà chưa bổ sung, cơ quan có thể dừng xử lý hồ sơ.',
        'While the supplement is awaited the processing time is paused; it starts again from the day the supplement is complete. If nothing arrives by the deadline, the agency may stop processing the dossier.',
      ),
    ],
    list: { heading: sentence('Nội dung cần bổ sung:', `To supply${AS_WRITTEN.en}:`), items },
    action: { label: sentence('Bổ sung hồ sơ', 'Supply the documents'), path: dossierPath(change) },
  }
}

function processing(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const feesPaid = change.from === 'financialObligation'
  return {
    title: sentence('Hồ sơ đang được giải quyết', 'Your dossier is being processed'),
    lines: [
      feesPaid
        ? sentence(`Cơ quan đã ghi nhận bạn hoàn thành nghĩa vụ tài chính; ${name.vi} được giải quyết tiếp.`, `The agency has recorded your payment; ${name.en} is being processed again.`)
        : sentence(`${capital(name.vi)} đã được chuyển đến bộ phận giải quyết.`, `${capital(name.en)} has been passed to the unit that decides on it.`),
      ...dueOf(change, change.state.dueAt),
      FOLLOW,
    ],
    action: view(change),
  }
}

function financialObligation(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const agency = facts.receipt.agency.name
  const fees = change.event.type === 'requireFees' ? change.event : undefined
  const amount = fees ? money(fees.amountVnd) : undefined
  return {
    title: sentence('Cần thực hiện nghĩa vụ tài chính', 'Fees to pay'),
    lines: [
      amount && fees
        ? sentence(`Để giải quyết tiếp ${name.vi}, bạn cần nộp ${amount.vi}: ${fees.description}.`, `To continue with ${name.en}, you need to pay ${amount.en}: ${fees.description}${AS_WRITTEN.en}.`)
        : sentence(`Để giải quyết tiếp ${name.vi}, bạn cần thực hiện nghĩa vụ tài chính.`, `To continue with ${name.en}, you need to pay fees.`),
      sentence(
        `Hãy nộp theo hướng dẫn của ${agency} và giữ lại chứng từ nộp tiền. Hồ sơ được giải quyết tiếp khi cơ quan ghi nhận bạn đã nộp.`,
        `Pay as ${agency} instructs and keep the payment receipt. Processing resumes once the agency records your payment.`,
      ),
    ],
    action: view(change),
  }
}

function late(change: AppliedChange, facts: DossierFacts, apology: Slip<4>): NoticeContent {
  const name = dossierName(facts)
  const agency = facts.receipt.agency.name
  const before = when(apology.oldDueAt)
  const after = when(apology.newDueAt)
  return {
    title: sentence('Xin lỗi: hồ sơ được hẹn lại ngày trả kết quả', 'Apology: a new date for your result'),
    lines: [
      sentence(
        `${agency} xin lỗi vì ${name.vi} không thể trả kết quả đúng hẹn ${before.vi}.`,
        `${agency} apologises: ${name.en} cannot be completed by ${before.en} as promised.`,
      ),
      sentence(`Lý do: ${apology.reason}`, `Reason${AS_WRITTEN.en}: ${apology.reason}`),
      sentence(`Ngày hẹn mới: ${after.vi}. Ngày hẹn chỉ được điều chỉnh một lần.`, `New date: ${after.en}. The date can be moved only once.`),
      deliveryPlan(facts),
      sentence('Bạn không cần làm gì thêm.', 'Nothing is needed from you.'),
    ],
    action: view(change),
  }
}

function processed(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const { agency, code, resultDelivery } = facts.receipt
  const todo: Record<typeof resultDelivery.method, Bilingual> = {
    'at-agency': sentence(
      `Mời bạn đến ${agency.name} nhận kết quả; mang theo mã hồ sơ ${code} và giấy tờ tùy thân (căn cước) để đối chiếu.`,
      `Please collect the result at ${agency.name}; bring the dossier code ${code} and your identity card.`,
    ),
    post: deliveryPlan(facts),
    online: sentence(
      `Kết quả điện tử sẽ có trong mục ${MY_DOSSIERS.vi} ngay khi cơ quan trả kết quả; chúng tôi sẽ báo bạn.`,
      `The electronic result will be under ${MY_DOSSIERS.en} as soon as the agency returns it; we will tell you.`,
    ),
  }
  return {
    title: sentence('Đã có kết quả giải quyết', 'Your result is ready'),
    lines: [sentence(`${capital(name.vi)} đã được giải quyết xong.`, `${capital(name.en)} has been decided.`), todo[resultDelivery.method]],
    action: view(change),
  }
}

function returned(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const { agency, resultDelivery } = facts.receipt
  const done: Record<typeof resultDelivery.method, Bilingual[]> = {
    'at-agency': [sentence(`Kết quả của ${name.vi} đã được trao tại ${agency.name}.`, `The result of ${name.en} has been handed over at ${agency.name}.`)],
    post: [
      sentence(`Kết quả của ${name.vi} đã được gửi qua dịch vụ bưu chính đến: ${facts.postalAddress ?? ''}.`, `The result of ${name.en} has been posted to: ${facts.postalAddress ?? ''}.`),
      sentence(`Nếu không nhận được, hãy liên hệ ${agency.name} và nêu mã hồ sơ ${facts.receipt.code}.`, `If it does not arrive, contact ${agency.name} quoting the dossier code ${facts.receipt.code}.`),
    ],
    online: [
      sentence(`Kết quả điện tử của ${name.vi} đã có.`, `The electronic result of ${name.en} is available.`),
      sentence(`Mở mục ${MY_DOSSIERS.vi}, chọn hồ sơ để tải kết quả về và lưu lại.`, `Open ${MY_DOSSIERS.en} and choose the dossier to download the result and keep it.`),
    ],
  }
  return {
    title: sentence('Đã trả kết quả', 'Result returned'),
    lines: done[resultDelivery.method],
    action: resultDelivery.method === 'online' ? { label: sentence('Tải kết quả', 'Download the result'), path: dossierPath(change) } : view(change),
  }
}

function withdrawn(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  return {
    title: sentence('Hồ sơ đã được rút', 'Dossier withdrawn'),
    lines: [
      sentence(`Theo yêu cầu của bạn, ${name.vi} đã được rút và sẽ không được giải quyết.`, `As you asked, ${name.en} has been withdrawn and will not be processed.`),
      sentence('Bạn không cần làm gì thêm. Nếu vẫn cần thủ tục này, hãy nộp hồ sơ mới.', 'Nothing more is needed. If you still need this procedure, submit a new dossier.'),
    ],
    action: view(change),
  }
}

function stopped(change: AppliedChange, facts: DossierFacts): NoticeContent {
  const name = dossierName(facts)
  const { agency, code } = facts.receipt
  const reason = change.event.type === 'stop' ? change.event.reason : undefined
  return {
    title: sentence('Hồ sơ bị dừng xử lý', 'Processing of your dossier has stopped'),
    lines: [
      sentence(`${agency.name} đã dừng xử lý ${name.vi}.`, `${agency.name} has stopped processing ${name.en}.`),
      ...(reason ? [sentence(`Lý do: ${reason}`, `Reason${AS_WRITTEN.en}: ${reason}`)] : []),
      sentence(
        `Nếu cần làm rõ, hãy liên hệ ${agency.name} và nêu mã hồ sơ ${code}. Nếu vẫn cần thủ tục này, bạn có thể nộp hồ sơ mới.`,
        `For an explanation, contact ${agency.name} quoting the dossier code ${code}. If you still need this procedure, you may submit a new dossier.`,
      ),
    ],
    action: view(change),
  }
}
