/**
 * A ruled table flowing over pages (the control slip, the register): every cell wraps to its
 * column, a row is as tall as its tallest cell, and the header row is drawn again at the top of
 * each new page. A row that does not fit in what is left of a page moves to the next one; a row
 * taller than a whole page is split between pages, line by line, so no text is ever lost.
 *
 * Drawing costs about a millisecond per row (fontkit lays out every line): a long table yields
 * to the event loop every `YIELD_EVERY` rows, so other requests are served meanwhile.
 */
import type { PDFFont } from 'pdf-lib'
import { INK, textWidth, wrap, type Flow } from './document.ts'

export interface Column {
  header: string
  width: number
  align?: 'left' | 'center'
}

export interface TableOptions {
  fontSize?: number
  headerFontSize?: number
  padding?: number
}

const LINE = 1.25
const YIELD_EVERY = 50

export async function drawTable(flow: Flow, columns: readonly Column[], rows: readonly (readonly string[])[], { fontSize = 7.5, headerFontSize = 7, padding = 3 }: TableOptions = {}): Promise<void> {
  const { regular, bold } = flow.fonts
  const lineHeight = fontSize * LINE
  const cellLines = (cells: readonly string[], font: PDFFont, size: number) =>
    columns.map((column, i) => wrap(cells[i] ?? '', font, size, column.width - 2 * padding))

  const drawRow = (lines: string[][], font: PDFFont, size: number, height: number) => {
    let x = flow.left
    const top = flow.y
    columns.forEach((column, i) => {
      flow.page.drawRectangle({ x, y: top - height, width: column.width, height, borderColor: INK, borderWidth: 0.5 })
      let baseline = top - padding - size
      for (const line of lines[i] ?? []) {
        const lineX = column.align === 'center' ? x + (column.width - textWidth(font, line, size)) / 2 : x + padding
        flow.page.drawText(line, { x: lineX, y: baseline, size, font, color: INK })
        baseline -= size * LINE
      }
      x += column.width
    })
    flow.y = top - height
  }

  const headerLines = cellLines(columns.map((c) => c.header), bold, headerFontSize)
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * headerFontSize * LINE + 2 * padding
  const header = () => drawRow(headerLines, bold, headerFontSize, headerHeight)
  const previous = flow.onPage
  flow.onPage = (f) => {
    previous?.(f)
    header()
  }
  flow.ensure(headerHeight + lineHeight + 2 * padding)
  header()

  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    let lines = cellLines(row, regular, fontSize)
    for (;;) {
      const count = Math.max(1, ...lines.map((l) => l.length))
      const height = count * lineHeight + 2 * padding
      const room = flow.y - flow.margin
      if (height <= room) {
        drawRow(lines, regular, fontSize, height)
        break
      }
      const fits = Math.floor((room - 2 * padding) / lineHeight)
      const pageRoom = flow.size[1] - 2 * flow.margin - headerHeight
      // Split only a row that would not fit on a fresh page either, and only where a few lines fit.
      if (height > pageRoom && fits >= 2) {
        drawRow(lines.map((l) => l.slice(0, fits)), regular, fontSize, fits * lineHeight + 2 * padding)
        lines = lines.map((l) => l.slice(fits))
      }
      flow.newPage()
    }
  }
  flow.onPage = previous
}
