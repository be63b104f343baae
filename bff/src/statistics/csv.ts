/**
 * The statistics as CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark, which is how
 * Excel knows the file is UTF-8 (without it, Vietnamese letters come out garbled); CRLF line
 * ends; a header row in Vietnamese, then one row per group. A cell holding a comma, a quote or a
 * line break is quoted, its quotes doubled. A cell that a spreadsheet would run as a formula
 * (starting with =, +, - or @: agency names are edited by administrators) is prefixed with an
 * apostrophe. Numbers keep a dot as their decimal mark; an index nobody could judge is empty.
 */
import { GRADE_NAMES, INDEX_KEYS, INDEX_NAMES, SATISFACTION_LEVELS, SATISFACTION_NAMES } from '@portal/shared/evaluation/types'
import type { Statistics, StatisticsGroup } from '@portal/shared/statistics/schema'

export const BOM = '\uFEFF'

/** @example csvCell('Sở "Tư pháp", Thái Nguyên') === '"Sở ""Tư pháp"", Thái Nguyên"' */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

type Column = [header: string, cell: (g: StatisticsGroup) => string | number | null | undefined]

function columns(groupBy: Statistics['groupBy']): Column[] {
  return [
    ['Mã cơ quan', (g) => g.agency.code],
    ['Cơ quan', (g) => g.agency.name],
    ...(groupBy === 'agency-month' ? ([['Tháng', (g) => g.month]] satisfies Column[]) : []),
    ...(groupBy === 'agency-field'
      ? ([
          ['Mã lĩnh vực', (g) => g.field?.code],
          ['Lĩnh vực', (g) => g.field?.name],
        ] satisfies Column[])
      : []),
    ['Số hồ sơ tiếp nhận', (g) => g.received],
    ['Số hồ sơ đã giải quyết', (g) => g.processed],
    ['Trước hạn', (g) => g.early],
    ['Đúng hạn', (g) => g.onTime],
    ['Quá hạn', (g) => g.late],
    ['Đang giải quyết', (g) => g.inProgress],
    ...SATISFACTION_LEVELS.map((l): Column => [SATISFACTION_NAMES[l].vi, (g) => g.ratings[l]]),
    ...INDEX_KEYS.map((k, i): Column => [`${i + 1}. ${INDEX_NAMES[k].vi}`, (g) => g.indices[k]]),
    ['Tổng điểm', (g) => g.total],
    ['Xếp loại', (g) => (g.grade ? GRADE_NAMES[g.grade].vi : null)],
  ]
}

export function statisticsCsv(s: Statistics): string {
  const cols = columns(s.groupBy)
  const lines = [cols.map(([header]) => csvCell(header)), ...s.groups.map((g) => cols.map(([, cell]) => csvCell(cell(g))))]
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n'
}
