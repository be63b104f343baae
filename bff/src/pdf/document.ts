/**
 * The building blocks of every PDF the BFF prints (the receipt, the slips of TT 01/2018, the
 * register): pdf-lib with fontkit and Be Vietnam Pro (OFL, from @expo-google-fonts/be-vietnam-pro;
 * design decision 14), embedded as subsets. Every text is NFC-normalised before it is measured or
 * drawn: the fonts map precomposed Vietnamese letters, and NFD input would draw loose marks.
 *
 * `Flow` lays text top-down on pages of one size, wrapping words to a width and starting a new
 * page when the next line does not fit. `drawQr` draws a QR code as vector squares (no image).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib'
import QRCode from 'qrcode'

const require = createRequire(import.meta.url)
const FONT_FILES = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
} as const
type FontName = keyof typeof FONT_FILES

const fontCache = new Map<FontName, Uint8Array>()
function fontBytes(name: FontName): Uint8Array {
  let bytes = fontCache.get(name)
  if (!bytes) {
    bytes = readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${FONT_FILES[name]}`))
    fontCache.set(name, bytes)
  }
  return bytes
}

export type Fonts = Record<FontName, PDFFont>

export const INK = rgb(0.1, 0.1, 0.12)
export const MUTED = rgb(0.38, 0.38, 0.42)

export const nfc = (text: string) => text.normalize('NFC')

export interface PdfMetadata {
  title: string
  /** The dossier code (or the register's identity): tools find the document by it. */
  subject: string
  keywords: string[]
  author: string
  /** The instant the document speaks of; it makes the output depend on its data only. */
  date: Date
}

/** A new document with the fonts embedded and the metadata set (Vietnamese language). */
export async function createPdf(meta: PdfMetadata): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  const embed = (name: FontName) => doc.embedFont(fontBytes(name), { subset: true })
  const [regular, bold, italic] = await Promise.all([embed('regular'), embed('bold'), embed('italic')])
  doc.setTitle(nfc(meta.title), { showInWindowTitleBar: true })
  doc.setSubject(nfc(meta.subject))
  doc.setKeywords(meta.keywords.map(nfc))
  doc.setAuthor(nfc(meta.author))
  doc.setCreator(nfc(meta.author))
  doc.setProducer('pdf-lib')
  doc.setLanguage('vi-VN')
  doc.setCreationDate(meta.date)
  doc.setModificationDate(meta.date)
  return { doc, fonts: { regular, bold, italic } }
}

const widthCache = new WeakMap<PDFFont, Map<string, number>>()

/**
 * The width of `text` at `fontSize`. Measuring goes through fontkit's layout, slow enough to
 * dominate a long register: widths are kept per font at size 1 and scaled (text widths are
 * linear in the size).
 */
export function textWidth(font: PDFFont, text: string, fontSize: number): number {
  let cache = widthCache.get(font)
  if (!cache) widthCache.set(font, (cache = new Map()))
  let width = cache.get(text)
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1)
    if (cache.size < 50_000) cache.set(text, width)
  }
  return width * fontSize
}

/**
 * Word-wraps `text` to `width` (breaking inside a word only when it alone is too wide). A line's
 * width is the sum of its words and spaces: a space ends any ligature or kerning pair, so the sum
 * is what the line measures.
 */
export function wrap(text: string, font: PDFFont, fontSize: number, width: number): string[] {
  const lines: string[] = []
  const space = textWidth(font, ' ', fontSize)
  for (const paragraph of nfc(text).split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = textWidth(font, word, fontSize)
      const candidate = line ? lineWidth + space + wordWidth : wordWidth
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word
        lineWidth = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      lineWidth = wordWidth
      while (lineWidth > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), fontSize) > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
        lineWidth = textWidth(font, line, fontSize)
      }
    }
    lines.push(line)
  }
  return lines
}

export interface TextOptions {
  font?: PDFFont
  fontSize?: number
  /** Left edge; the flow's margin by default. */
  x?: number
  /** Wrapping width; from `x` to the right margin by default. */
  width?: number
  color?: RGB
  /** Space below each line. */
  gap?: number
  align?: 'left' | 'center' | 'right'
}

/**
 * Text laid top-down over pages of one size. `y` is the baseline cursor and may be moved by the
 * caller (two columns side by side: draw one, reset `y`, draw the other, keep the lower end).
 * `onPage` runs on every page added after the first (a repeated table header, a page number).
 */
export class Flow {
  page: PDFPage
  y: number
  readonly width: number
  onPage: ((flow: Flow) => void) | undefined

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: readonly [number, number],
    readonly margin: number,
  ) {
    this.page = doc.addPage([size[0], size[1]])
    this.y = size[1] - margin
    this.width = size[0] - 2 * margin
  }

  get left(): number {
    return this.margin
  }

  get right(): number {
    return this.size[0] - this.margin
  }

  newPage(): void {
    this.page = this.doc.addPage([this.size[0], this.size[1]])
    this.y = this.size[1] - this.margin
    this.onPage?.(this)
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.margin) this.newPage()
  }

  /** Draws `value` wrapped, line by line, moving `y` down. */
  text(value: string, { font = this.fonts.regular, fontSize = 9, x = this.margin, width, color = INK, gap = 2, align = 'left' }: TextOptions = {}): void {
    const w = width ?? this.right - x
    for (const line of wrap(value, font, fontSize, w)) {
      this.ensure(fontSize + gap)
      this.y -= fontSize
      const lineWidth = textWidth(font, line, fontSize)
      const lineX = align === 'center' ? x + (w - lineWidth) / 2 : align === 'right' ? x + w - lineWidth : x
      this.page.drawText(line, { x: lineX, y: this.y, size: fontSize, font, color })
      this.y -= gap
    }
  }

  /** A horizontal rule of `length` centred in the box from `x` of `width`, at the cursor. */
  rule(x: number, width: number, length: number): void {
    const start = x + (width - length) / 2
    this.page.drawLine({ start: { x: start, y: this.y }, end: { x: start + length, y: this.y }, thickness: 0.6, color: INK })
  }

  /** Moves the cursor down by `points`. */
  skip(points: number): void {
    this.y -= points
  }
}

/** "<prefix>Trang i/n" at the foot of every page, right-aligned in the bottom margin. */
export function numberPages(doc: PDFDocument, font: PDFFont, margin: number, prefix = ''): void {
  const pages = doc.getPages()
  pages.forEach((page, i) => {
    const label = nfc(`${prefix}Trang ${i + 1}/${pages.length}`)
    page.drawText(label, { x: page.getWidth() - margin - textWidth(font, label, 7), y: margin / 2, size: 7, font, color: MUTED })
  })
}

/** The QR code of `value`, as dark squares (runs of modules in a row merged into one rectangle). */
export function drawQr(page: PDFPage, value: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(value, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const cell = size / (n + 2 * quiet)
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) })
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      })
    }
  }
}
