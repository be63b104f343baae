/**
 * Text of a PDF made by pdf-lib with embedded (subset) fonts, for tests: each font's ToUnicode
 * map turns the glyph ids of `<hex> Tj` back into text. Enough for our own documents, not a
 * general PDF text extractor.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib'

function streamText(stream: unknown): string {
  if (!(stream instanceof PDFRawStream)) return ''
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>()
  const hexToText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)))
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(src!.toLowerCase(), hexToText(dst!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const start = parseInt(lo!, 16)
      const base = parseInt(dst!, 16)
      for (let code = start; code <= parseInt(hi!, 16); code++) map.set(code.toString(16).padStart(lo!.length, '0'), String.fromCodePoint(base + code - start))
    }
  }
  return map
}

function pageText(doc: PDFDocument, page: PDFPage): string {
  const fonts = new Map<string, Map<string, string>>()
  const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict)
  for (const [name, ref] of fontDict?.entries() ?? []) {
    const font = doc.context.lookup(ref, PDFDict)
    const toUnicode = font.get(PDFName.of('ToUnicode'))
    fonts.set(name.asString(), parseCMap(streamText(toUnicode instanceof PDFRef ? doc.context.lookup(toUnicode) : toUnicode)))
  }
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents]
  const lines: string[] = []
  let font = new Map<string, string>()
  for (const content of streams.map(streamText)) {
    for (const [, fontName, hex] of content.matchAll(/(\/\S+) [\d.]+ Tf|<([0-9a-fA-F]*)> Tj/g)) {
      if (fontName) font = fonts.get(fontName) ?? new Map()
      else lines.push((hex!.match(/.{4}/g) ?? []).map((cid) => font.get(cid.toLowerCase()) ?? '?').join(''))
    }
  }
  return lines.join('\n')
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes)
  return doc.getPages().map((page) => pageText(doc, page)).join('\n')
}
