/**
 * The due-date cases: worked out by hand from the rules in working-days.ts and the seeded holiday
 * table, checked by due-date-cases.test.ts, and shown in docs/lifecycle.md (the test also checks
 * that the document's table is exactly `dueDateCasesMarkdown()`; regenerate it from there).
 */
import type { ProcessingTimeRule } from './working-days.ts'

export interface DueDateCase {
  receivedAt: string
  processingTime: ProcessingTimeRule
  dueAt: string
  beyondTable?: true
  provisional?: string[]
  why: string
}

const wd = (amount: number): ProcessingTimeRule => ({ amount, unit: 'working-days' })
const days = (amount: number): ProcessingTimeRule => ({ amount, unit: 'days' })
const hours = (amount: number): ProcessingTimeRule => ({ amount, unit: 'hours' })

export const DUE_DATE_CASES: DueDateCase[] = [
  { receivedAt: '2025-03-03T09:00:00+07:00', processingTime: wd(5), dueAt: '2025-03-10T17:00:00+07:00', why: 'plain week; the day of receipt is not counted' },
  { receivedAt: '2025-03-03T15:30:00+07:00', processingTime: wd(5), dueAt: '2025-03-11T17:00:00+07:00', why: 'after 15:00: counts from the next working day' },
  { receivedAt: '2025-03-04T15:00:00+07:00', processingTime: wd(1), dueAt: '2025-03-06T17:00:00+07:00', why: '15:00 exactly is already after the cut-off' },
  { receivedAt: '2025-03-08T10:00:00+07:00', processingTime: wd(3), dueAt: '2025-03-13T17:00:00+07:00', why: 'online on a Saturday: counts from Monday' },
  { receivedAt: '2025-03-03T10:00:00+07:00', processingTime: wd(0), dueAt: '2025-03-03T17:00:00+07:00', why: '0 days: the end of the receipt day' },
  { receivedAt: '2025-03-03T10:00:00+07:00', processingTime: wd(0.5), dueAt: '2025-03-03T15:30:00+07:00', why: 'half a working day = 4 office hours' },
  { receivedAt: '2025-01-24T10:00:00+07:00', processingTime: wd(5), dueAt: '2025-02-07T17:00:00+07:00', why: 'Tết Ất Tỵ: 27/1–31/1 off' },
  { receivedAt: '2025-02-10T09:00:00+07:00', processingTime: wd(5), dueAt: '2025-02-15T17:00:00+07:00', why: 'Saturday 15/2/2025 is worked (swap)' },
  { receivedAt: '2025-04-24T09:00:00+07:00', processingTime: wd(3), dueAt: '2025-04-28T17:00:00+07:00', why: 'Saturday 26/4/2025 is worked (swap)' },
  { receivedAt: '2025-04-29T10:00:00+07:00', processingTime: wd(2), dueAt: '2025-05-06T17:00:00+07:00', why: '30/4, 1/5 and the swapped 2/5 off' },
  { receivedAt: '2025-08-29T14:59:00+07:00', processingTime: wd(1), dueAt: '2025-09-03T17:00:00+07:00', why: 'Quốc khánh 1/9–2/9/2025' },
  { receivedAt: '2025-09-02T10:00:00+07:00', processingTime: wd(1), dueAt: '2025-09-04T17:00:00+07:00', why: 'online on a holiday: counts from the next working day' },
  { receivedAt: '2025-03-03T09:00:00+07:00', processingTime: days(5), dueAt: '2025-03-10T17:00:00+07:00', why: 'calendar days ending on a Saturday move to Monday' },
  { receivedAt: '2025-03-05T09:00:00+07:00', processingTime: days(7), dueAt: '2025-03-12T17:00:00+07:00', why: 'calendar days ending on a working day' },
  { receivedAt: '2026-02-05T09:00:00+07:00', processingTime: days(10), dueAt: '2026-02-23T17:00:00+07:00', why: 'calendar days ending in Tết Bính Ngọ move past it' },
  { receivedAt: '2025-03-03T09:00:00+07:00', processingTime: hours(8), dueAt: '2025-03-04T09:00:00+07:00', why: 'office hours only (lunch and night skipped)' },
  { receivedAt: '2025-03-03T16:00:00+07:00', processingTime: hours(4), dueAt: '2025-03-04T11:30:00+07:00', why: 'hours after 15:00 start next morning' },
  { receivedAt: '2025-03-07T14:00:00+07:00', processingTime: hours(4), dueAt: '2025-03-10T08:30:00+07:00', why: 'hours over a weekend' },
  { receivedAt: '2025-03-04T06:00:00+07:00', processingTime: hours(2), dueAt: '2025-03-04T09:30:00+07:00', why: 'online before opening: hours start at 07:30' },
  { receivedAt: '2026-02-12T10:00:00+07:00', processingTime: wd(3), dueAt: '2026-02-24T17:00:00+07:00', why: 'Tết Bính Ngọ: 16/2–20/2 off' },
  { receivedAt: '2026-04-24T10:00:00+07:00', processingTime: wd(1), dueAt: '2026-04-28T17:00:00+07:00', why: 'Giỗ Tổ on Sunday 26/4/2026: Monday off' },
  {
    receivedAt: '2026-08-26T10:00:00+07:00',
    processingTime: wd(5),
    dueAt: '2026-09-04T17:00:00+07:00',
    provisional: ['2026-08-31', '2026-09-01', '2026-09-03'],
    why: 'Quốc khánh 2026 not announced: flagged',
  },
  {
    receivedAt: '2027-12-24T10:00:00+07:00',
    processingTime: wd(10),
    dueAt: '2028-01-07T17:00:00+07:00',
    beyondTable: true,
    why: 'past the table (2028): weekends only, flagged',
  },
]

const UNIT_TEXT = { 'working-days': 'working days', days: 'days', hours: 'hours' } as const
const show = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`
const weekday = (iso: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()]

/** The cases as the Markdown table of docs/lifecycle.md. */
export function dueDateCasesMarkdown(): string {
  const rows = DUE_DATE_CASES.map((c) => {
    const flags = [c.beyondTable ? 'beyondTable' : '', c.provisional ? `provisional ${c.provisional.join(', ')}` : ''].filter(Boolean).join('; ')
    const time = `${c.processingTime.amount} ${UNIT_TEXT[c.processingTime.unit]}`
    return `| ${weekday(c.receivedAt)} ${show(c.receivedAt)} | ${time} | ${weekday(c.dueAt)} ${show(c.dueAt)} | ${flags || '—'} | ${c.why} |`
  })
  return ['| Received (Vietnam time) | Processing time | Due | Flags | Why |', '|---|---|---|---|---|', ...rows].join('\n')
}
