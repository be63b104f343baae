/**
 * Pure tidy functions for the reference-catalogue import (see import-reference.ts for the whole
 * pipeline and docs/decisions/0002-catalogue-data.md for why each rule is what it is).
 *
 * The national portal publishes processing times, fees and dossier components as loosely
 * formatted Vietnamese text. These functions turn that text into the shapes of the shared
 * catalogue schema while keeping the published wording where the schema asks for it
 * (`processingTime.text`, `fee.text`). Each parser is deterministic and conservative: what it
 * cannot read with confidence it leaves as text and says so (an `ambiguity`, kind `unknown`),
 * never guesses silently. Reviewed per-procedure corrections live in tables.ts, not here.
 */
import type { Channel, Component, Fee, ProcessingTime } from '../../shared/src/catalog/schema.ts'
import { fold } from '../../shared/src/text/fold.ts'

type TimeOption = ProcessingTime['options'][number]
type FeeItem = Fee['items'][number]

/** NFC, no invisible or non-breaking spaces, runs of whitespace collapsed, trimmed. */
export function tidyText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Obvious typing slips of the source, fixed in names, headings, notes, results and legal bases
 * (never in the published fee or processing-time text, which is kept verbatim). Longest first.
 */
const TYPOS: [RegExp, string][] = [
  [/Quân đội nhân nhân nhân/g, 'Quân đội nhân dân'],
  [/Quân đội nhân nhân/g, 'Quân đội nhân dân'],
  [/đăng ký đăng ký/g, 'đăng ký'],
  [/quy định quy định/g, 'quy định'],
  [/quy trình quy trình/g, 'quy trình'],
  [/Điều l ệ/g, 'Điều lệ'],
  [/vềđất/g, 'về đất'],
  [/Nghị số (\d)/g, 'Nghị định số $1'],
  [/\.;/g, ';'],
  [/(\s*\.){2,}$/g, '.'],
]

/** tidyText plus the typo table: for every string except the verbatim fee and time texts. */
export function tidyProse(text: string): string {
  let out = tidyText(text)
  for (const [pattern, replacement] of TYPOS) out = out.replace(pattern, replacement)
  return out
}

/** URL slug: folded (no diacritics, đ → d), lowercase ASCII words joined by '-'. */
export function slug(text: string): string {
  return fold(tidyText(text))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

const CHANNEL_LABELS: Record<string, Channel> = {
  'Trực tuyến': 'online',
  'Trực tiếp': 'in-person',
  'Qua dịch vụ bưu chính': 'post',
}
const CHANNEL_ORDER: Channel[] = ['online', 'in-person', 'post']

/** 'Trực tuyến' → online, 'Trực tiếp' → in-person, 'Qua dịch vụ bưu chính' → post. */
export function channelOf(label: string): Channel | undefined {
  return CHANNEL_LABELS[tidyText(label)]
}

/** Submission methods in one canonical order, duplicates dropped; throws on an unknown label. */
export function submissionMethods(labels: readonly string[]): Channel[] {
  const found = new Set<Channel>()
  for (const label of labels) {
    const channel = channelOf(label)
    if (!channel) throw new Error(`unknown submission method "${label}"`)
    found.add(channel)
  }
  return CHANNEL_ORDER.filter((c) => found.has(c))
}

const CHANNEL_PREFIX = /^(Trực tuyến|Trực tiếp|Qua dịch vụ bưu chính):\s*/

/** Splits "Trực tuyến: … | Trực tiếp: …" into channel segments; one unlabelled segment otherwise. */
function channelSegments(text: string): { channel?: Channel; body: string }[] {
  if (!CHANNEL_PREFIX.test(text)) return [{ body: text }]
  return text.split(' | ').map((part) => {
    const match = CHANNEL_PREFIX.exec(part)
    if (!match?.[1]) return { body: part }
    return { channel: CHANNEL_LABELS[match[1]], body: part.slice(match[0].length).trim() }
  })
}

/**
 * When at least two channels are named and each carries the same list, the channel adds
 * nothing: drop it and keep one copy of the list.
 */
function collapseChannels<T extends { channel?: Channel }>(items: T[], key: (item: T) => string): T[] {
  const byChannel = new Map<Channel | undefined, string[]>()
  for (const item of items) byChannel.set(item.channel, [...(byChannel.get(item.channel) ?? []), key(item)])
  const lists = [...byChannel.values()].map((l) => l.join('\n'))
  const channels = [...byChannel.keys()]
  if (channels.length < 2 || channels.includes(undefined) || new Set(lists).size !== 1) return items
  const first = channels[0]
  return items.filter((i) => i.channel === first).map((i) => withoutChannel(i))
}

function withoutChannel<T extends { channel?: Channel }>(item: T): T {
  const copy = { ...item }
  delete copy.channel
  return copy
}

// ---------------------------------------------------------------------------------------------
// Processing time

const UNITS: Record<string, TimeOption['unit']> = {
  'ngày làm việc': 'working-days',
  ngày: 'days',
  giờ: 'hours',
}
const FIGURE = /^(\d+)\s+(ngày làm việc|ngày|giờ)$/
const NO_UNIT = /^(\d+)\s*\(nguồn không ghi đơn vị thời gian\)$/
const FIGURE_IN_PROSE = /(\d+)\s+(ngày làm việc|ngày|giờ)/g

function figure(text: string): { amount: number; unit: TimeOption['unit'] } | undefined {
  const match = FIGURE.exec(text.trim())
  if (!match?.[1] || !match[2]) return undefined
  return { amount: Number(match[1]), unit: UNITS[match[2]]! }
}

const describe = (o: TimeOption) =>
  `${o.amount} ${o.unit === 'working-days' ? 'ngày làm việc' : o.unit === 'days' ? 'ngày' : 'giờ'}`

/**
 * Parses a published processing time ("thời hạn giải quyết").
 *
 * - "5 ngày làm việc" → working days; "15 ngày" → calendar days; "15 giờ" → hours.
 * - "Trực tuyến: 1 ngày làm việc | Trực tiếp: …" → one option per channel; the channel is dropped
 *   when every channel lists the same figures; a channel listed with several different figures
 *   is ambiguous (the source does not say which applies when).
 * - "Tùy trường hợp: a / b" → one option per distinct figure, condition "Tùy trường hợp",
 *   ambiguous when more than one remains (the source names no case).
 * - "3 (nguồn không ghi đơn vị thời gian)" → 3 working days, with an ambiguity stating the
 *   assumption.
 * - Other prose → every "<n> ngày làm việc|ngày|giờ" found, each with the clause it ends, and an
 *   ambiguity; null or empty → no option and an ambiguity.
 *
 * @example parseProcessingTime('5 ngày làm việc').options // [{ amount: 5, unit: 'working-days' }]
 */
export function parseProcessingTime(source: string | null | undefined): ProcessingTime {
  if (source == null || tidyText(source) === '') {
    return { text: '', options: [], ambiguity: 'Nguồn không công bố thời hạn giải quyết' }
  }
  const text = tidyText(source)

  const single = figure(text)
  if (single) return { text, options: [single] }

  const noUnit = NO_UNIT.exec(text)
  if (noUnit?.[1]) {
    const amount = Number(noUnit[1])
    return {
      text,
      options: [{ amount, unit: 'working-days' }],
      ambiguity: `Nguồn chỉ ghi con số ${amount}, không ghi đơn vị thời gian; tạm hiểu là ${amount} ngày làm việc (đơn vị thường dùng cho thời hạn giải quyết thủ tục hành chính)`,
    }
  }

  const byCase = /^Tùy trường hợp:\s*(.+)$/.exec(text)
  if (byCase?.[1]) {
    const figures = byCase[1].split(' / ').map(figure)
    if (figures.every((f) => f !== undefined)) {
      const options = dedupe(figures.map((f) => ({ ...f, condition: 'Tùy trường hợp' })), describe)
      if (options.length === 1) return { text, options: [withoutCondition(options[0]!)] }
      return {
        text,
        options,
        ambiguity: `Nguồn ghi "tùy trường hợp" ${options.length} thời hạn (${options.map(describe).join('; ')}) nhưng không nói trường hợp nào áp dụng thời hạn nào`,
      }
    }
  }

  if (CHANNEL_PREFIX.test(text)) {
    const segments = channelSegments(text)
    const parsed = segments.map((s) => ({ channel: s.channel, figure: figure(s.body) }))
    if (parsed.every((p) => p.channel && p.figure)) {
      const options = dedupe(
        parsed.map((p) => ({ channel: p.channel!, ...p.figure! })),
        (o) => `${o.channel} ${describe(o)}`,
      )
      const collapsed = collapseChannels(options, describe)
      const repeated = CHANNEL_ORDER.filter((c) => options.filter((o) => o.channel === c).length > 1)
      if (repeated.length === 0) return { text, options: collapsed }
      return {
        text,
        options: collapsed,
        ambiguity: `Nguồn ghi nhiều thời hạn khác nhau cho cùng một cách nộp (${repeated
          .map((c) => `${labelOf(c)}: ${options.filter((o) => o.channel === c).map(describe).join(' hoặc ')}`)
          .join('; ')}) nhưng không nói vì sao`,
      }
    }
  }

  const options: TimeOption[] = []
  for (const match of text.matchAll(FIGURE_IN_PROSE)) {
    const condition = clauseBefore(text, match.index)
    options.push({ amount: Number(match[1]), unit: UNITS[match[2]!]!, ...(condition ? { condition } : {}) })
  }
  const cut = text.endsWith('…') ? ' bị cắt ngắn' : ''
  return {
    text,
    options,
    ambiguity:
      options.length > 0
        ? `Nguồn ghi thời hạn bằng một đoạn văn${cut}; chỉ trích được thời hạn của từng bước nêu trong đó, không có tổng thời hạn giải quyết`
        : `Nguồn ghi thời hạn bằng một đoạn văn${cut}, không đọc được con số thời hạn`,
  }
}

function labelOf(channel: Channel): string {
  return Object.entries(CHANNEL_LABELS).find(([, c]) => c === channel)![0]
}

function withoutCondition(option: TimeOption): TimeOption {
  const copy = { ...option }
  delete copy.condition
  return copy
}

/**
 * The clause a figure closes: from the start of its bullet (" - " or "; ") or, failing that, its
 * last ": ", up to the figure, without a trailing "trong" / "là" / "không quá".
 */
function clauseBefore(text: string, index: number): string | undefined {
  const before = text.slice(0, index)
  const dash = before.lastIndexOf(' - ')
  const semicolon = before.lastIndexOf('; ')
  const colon = before.lastIndexOf(': ')
  const start =
    dash >= 0 || semicolon >= 0 ? (dash > semicolon ? dash + 3 : semicolon + 2) : colon >= 0 ? colon + 2 : 0
  const clause = before
    .slice(start)
    .replace(/[\s,]*(trong|là|không quá|tối đa)?[\s,]*$/i, '')
    .trim()
  return clause === '' ? undefined : clause
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

// ---------------------------------------------------------------------------------------------
// Fee

const AMOUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d+`
/** One priced entry: "<amount> đồng[/<per>][ – <description>]". */
const FEE_ENTRY = new RegExp(String.raw`^(${AMOUNT})\s*(?:đồng|Đồng)(?:\/([^.,;()–]+))?(.*)$`)
/** Entries of a list are separated by ";" followed by another amount. */
const ENTRY_SPLIT = new RegExp(String.raw`;+\s*(?=(?:${AMOUNT})\s*(?:đồng|Đồng)\b)`)
const BY_COUNCIL = /Hội đồng nhân dân/i
const BY_OTHER_TEXT = /theo quy định|quy định tại|do (Hội đồng|Ủy ban) nhân dân|Thông tư|Luật phí/i

/**
 * Parses a published fee ("lệ phí", "phí").
 *
 * Kinds, in this order:
 * - no text → unknown (no text); "Không quy định" / "Chưa quy định" → unknown, text kept.
 * - starts with "Miễn lệ phí" → free.
 * - mentions the provincial People's Council (Hội đồng nhân dân) → by-regulation, no items: the
 *   council sets the amount, whatever figure the national template shows.
 * - any positive VND amount → fixed: one item per "<amount> đồng[/per][ – case]" entry, with its
 *   channel ("Trực tuyến: …"); the case becomes the condition when it does not itself restate
 *   amounts; amounts in other currencies are left in the text; the channel is dropped when
 *   every channel lists the same items.
 * - names another text (Thông tư, Luật phí và lệ phí, "theo quy định") → by-regulation.
 * - otherwise, including a bare "0 đồng" → unknown: "0 đồng" is a placeholder on the national
 *   portal as often as it is a real zero. The importer's reviewed table (tables.ts) turns the
 *   procedures that are free by law into `free`.
 *
 * @example parseFee('50.000 đồng/văn bản').items // [{ amountVnd: 50000, per: 'văn bản' }]
 */
export function parseFee(source: string | null | undefined): Fee {
  if (source == null || tidyText(source) === '') return { kind: 'unknown', items: [] }
  const text = tidyText(source)
  if (/^(Không|Chưa) quy định\.?$/i.test(text)) return { kind: 'unknown', text, items: [] }
  if (/^Miễn lệ phí/i.test(text)) return { kind: 'free', text, items: [] }
  if (BY_COUNCIL.test(text)) return { kind: 'by-regulation', text, items: [] }

  const items: FeeItem[] = []
  for (const segment of channelSegments(text)) {
    for (const part of segment.body.split(ENTRY_SPLIT)) {
      const item = feeEntry(part.trim())
      if (item) items.push(segment.channel ? { channel: segment.channel, ...item } : item)
    }
  }
  if (items.some((i) => i.amountVnd > 0)) {
    const key = (i: FeeItem) => `${i.amountVnd}|${i.per ?? ''}|${i.condition ?? ''}`
    return { kind: 'fixed', text, items: collapseChannels(dedupe(items, (i) => `${i.channel}|${key(i)}`), key) }
  }
  if (BY_OTHER_TEXT.test(text)) return { kind: 'by-regulation', text, items: [] }
  return { kind: 'unknown', text, items: [] }
}

function feeEntry(part: string): FeeItem | undefined {
  const match = FEE_ENTRY.exec(part)
  if (!match?.[1]) return undefined
  const item: FeeItem = { amountVnd: Number(match[1].replace(/\./g, '')) }
  const per = match[2]?.trim()
  // "đồng/Văn bản xác nhận" → "văn bản xác nhận"; an acronym ("đồng/GCN") keeps its capitals.
  if (per) item.per = /^\p{Lu}\p{Ll}/u.test(per) ? per[0]!.toLowerCase() + per.slice(1) : per
  const rest = (match[3] ?? '').trim()
  if (rest.startsWith('–') || rest.startsWith('-')) {
    const condition = rest
      .replace(/^[–-]\s*/, '')
      .replace(/^[-+]\s*/, '')
      .replace(/[\s;.:]+$/, '')
      .trim()
    if (condition && !/đồng/i.test(condition)) item.condition = condition
  }
  return item
}

// ---------------------------------------------------------------------------------------------
// Dossier components

/** "1 bản chính, 1 bản sao" → { originals: 1, copies: 1 }; throws on anything else. */
export function parseCopies(source: string): { originals: number; copies: number } {
  const text = tidyText(source)
  const match = /^(?:(\d+) bản chính)?(?:,\s*)?(?:(\d+) bản sao)?$/.exec(text)
  if (!match || text === '' || (!match[1] && !match[2])) throw new Error(`unreadable copies "${source}"`)
  return { originals: Number(match[1] ?? 0), copies: Number(match[2] ?? 0) }
}

/**
 * Whether a source component is guidance rather than a document. Conservative: only these
 * shapes, checked on the tidied text.
 * 1. Starts with "Lưu ý", "Ghi chú" or "Chú ý".
 * 2. A lead-in that ends with ':' and starts with "Ngoài" or "Tùy" ("Ngoài giấy tờ nêu trên,
 *    tùy từng trường hợp, … phải nộp giấy tờ tương ứng sau đây:").
 * 3. Starts with "Giá trị sử dụng", "Về thông tin" or "Theo quy định" (validity rules, where
 *    data comes from, references to another rule book).
 * 4. "[(v)] Người … chịu trách nhiệm trước pháp luật …" (who answers for what).
 * 5. A cross-reference: "… thì việc ủy quyền thực hiện theo quy định tại …".
 * 6. "Trường hợp … được thay thế bằng dữ liệu …" (the document is replaced by database data).
 * 7. Starts with "Trong đó" (how to fill in the item before it).
 */
export function isNote(source: string): boolean {
  const text = tidyText(source)
  return (
    /^(Lưu ý|Ghi chú|Chú ý)(\s|:|$)/i.test(text) ||
    (/:$/.test(text) && /^(Ngoài|Tùy|Tuỳ)\s/i.test(text)) ||
    /^(Giá trị sử dụng|Về thông tin|Theo quy định)/i.test(text) ||
    /^(\([ivx]+\)\s*)?Người .*chịu trách nhiệm trước pháp luật/i.test(text) ||
    /thì việc ủy quyền thực hiện theo quy định tại/i.test(text) ||
    (/^Trường hợp/i.test(text) && /được thay thế bằng dữ liệu/i.test(text)) ||
    /^Trong đó\s/i.test(text)
  )
}

/** Headings that cover every component of a procedure: they name no case, so no group. */
const GENERIC_HEADINGS = new Set([
  'Giấy tờ phải nộp',
  'Giấy tờ phải xuất trình',
  'Thành phần hồ sơ',
  'Người yêu cầu chứng thực nộp 01 (một) bộ hồ sơ yêu cầu chứng thực, gồm',
  'Người yêu cầu chứng thực phải xuất trình các giấy tờ sau',
])

/** A source "case" heading, tidied: no list marker in front, no ':' or ';' behind. */
export function tidyHeading(source: string): string {
  return tidyProse(source)
    .replace(/^[-+•]\s*/, '')
    .replace(/[\s:;]+$/, '')
}

/** A component name, tidied: no trailing ';' or whitespace. */
export function tidyComponentName(source: string): string {
  return tidyProse(source).replace(/[\s;]+$/, '')
}

export interface SourceComponent {
  name: string
  copies: string
  case: string | null
}

export interface TidiedComponents {
  components: Component[]
  notes: string[]
  /** What was dropped, for the import report. */
  dropped: string[]
}

/**
 * Source components → schema components and notes, in source order.
 * - Names tidied; empty ones dropped; guidance (isNote, or listed in `forcedNotes` by 1-based
 *   source position) goes to notes.
 * - "Giấy tờ phải xuất trình" and any heading that says "xuất trình", or a name that starts with
 *   "[Người yêu cầu chứng thực] xuất trình", → presentOnly.
 * - The heading becomes the group unless it is generic (GENERIC_HEADINGS).
 * - An exact repeat (same name, group, presence and counts) is dropped.
 * - Ids c1, c2, … follow the order of the components kept.
 */
export function tidyComponents(source: readonly SourceComponent[], forcedNotes: ReadonlySet<number> = new Set()): TidiedComponents {
  const components: Component[] = []
  const notes: string[] = []
  const dropped: string[] = []
  const seen = new Set<string>()
  source.forEach((item, index) => {
    const name = tidyComponentName(item.name)
    if (name === '') {
      dropped.push(`empty component #${index + 1}`)
      return
    }
    if (forcedNotes.has(index + 1) || isNote(name)) {
      if (!notes.includes(name)) notes.push(name)
      return
    }
    const heading = item.case ? tidyHeading(item.case) : undefined
    const presentOnly = (heading !== undefined && /xuất trình/i.test(heading)) || /^(Người yêu cầu chứng thực\s+)?xuất trình\b/i.test(name)
    const group = heading && !GENERIC_HEADINGS.has(heading) ? heading : undefined
    const { originals, copies } = parseCopies(item.copies)
    const key = JSON.stringify([name, group, presentOnly, originals, copies])
    if (seen.has(key)) {
      dropped.push(`repeated component #${index + 1} "${name.slice(0, 60)}"`)
      return
    }
    seen.add(key)
    components.push({
      id: `c${components.length + 1}`,
      name,
      originals,
      copies,
      ...(group ? { group } : {}),
      presentOnly,
    })
  })
  return { components, notes, dropped }
}
