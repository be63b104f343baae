/**
 * Normalisation, in one place: what a value becomes before it is validated, stored for
 * submission, or compared. The app applies it when a field loses focus; validation applies it
 * again (so the BFF sees the same result whatever the client did).
 *
 * - Text: Unicode NFC (Vietnamese typed on some keyboards arrives decomposed, and "ệ" in NFD
 *   would not equal "ệ" in NFC), invisible zero-width characters removed, whitespace runs
 *   collapsed to one space, trimmed. Long text keeps its line breaks.
 * - Phone: spaces, dots, dashes and brackets dropped; "+84…" / "84…" (11–12 digits) → "0…".
 * - Identity number: spaces dropped.
 * - Email: trimmed, the domain lower-cased (the local part is the mailbox owner's business).
 */
const INVISIBLE = /[\u200b-\u200d\ufeff]/g

export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

export function normalizeLongText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim()
}

export function normalizePhone(value: string): string {
  const compact = value.replace(/[\s.\-()]/g, '')
  const international = /^\+?84(\d{9,10})$/.exec(compact)
  return international ? `0${international[1]}` : compact
}

export function normalizeIdentityNumber(value: string): string {
  return value.replace(/\s/g, '')
}

export function normalizeEmail(value: string): string {
  const trimmed = normalizeText(value)
  const at = trimmed.lastIndexOf('@')
  return at < 0 ? trimmed : trimmed.slice(0, at) + trimmed.slice(at).toLowerCase()
}
