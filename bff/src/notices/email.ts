/**
 * A notice as an e-mail: Vietnamese first, each paragraph followed by its English line, in a
 * plain-text part and an HTML part (escaped: the lists hold officers' free text). Links are
 * absolute, on PUBLIC_ORIGIN. Text is NFC-normalised so that Vietnamese reaches every mail client
 * as precomposed letters.
 */
import type { Bilingual } from '@portal/shared/notices/schema'
import { html, type Html } from '../pages/html.ts'
import type { OutgoingNotice } from './notifier.ts'

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

export interface EmailContext {
  /** `Cổng Dịch vụ công Thái Nguyên` */
  portalName: string
  /** PUBLIC_ORIGIN, no trailing slash. */
  origin: string
}

/** Where the app shows every notice (web/src/router.ts). */
export const INBOX_PATH = '/thong-bao'

const nfc = (text: string) => text.normalize('NFC')

export function renderEmail(notice: OutgoingNotice, { portalName, origin }: EmailContext): RenderedEmail {
  const { content, dossierCode } = notice
  const name = notice.email?.name
  const greeting: Bilingual = name ? { vi: `Kính gửi ông/bà ${name},`, en: `Dear ${name},` } : { vi: 'Kính gửi ông/bà,', en: 'Dear applicant,' }
  const actionUrl = content.action && `${origin}${content.action.path}`
  const inboxUrl = `${origin}${INBOX_PATH}`
  const footer: Bilingual = {
    vi: `${portalName}. Thư gửi tự động, xin đừng trả lời thư này. Mọi thông báo của bạn: ${inboxUrl}`,
    en: `Automatic message: please do not reply. All your notices: ${inboxUrl}`,
  }

  const pair = (b: Bilingual) => `${b.vi}\n${b.en}`
  const text = [
    pair(greeting),
    ...content.lines.slice(0, 1).map(pair),
    ...(content.list ? [`${pair(content.list.heading)}\n${content.list.items.map((item) => `  - ${item}`).join('\n')}`] : []),
    ...content.lines.slice(1).map(pair),
    ...(content.action && actionUrl ? [`${content.action.label.vi} / ${content.action.label.en}: ${actionUrl}`] : []),
    `-- \n${pair(footer)}`,
  ].join('\n\n')

  const para = (b: Bilingual): Html => html`<p style="margin:0 0 2px">${b.vi}</p><p lang="en" style="margin:0 0 14px;color:#555;font-size:90%">${b.en}</p>`
  const body = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${content.title.vi}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1a1a1a;max-width:640px">
<h1 style="font-size:19px;margin:0 0 2px">${content.title.vi}</h1>
<p lang="en" style="margin:0 0 16px;color:#555">${content.title.en}</p>
${para(greeting)}
${content.lines.slice(0, 1).map(para)}
${content.list && html`${para(content.list.heading)}<ul style="margin:-8px 0 14px">${content.list.items.map((item) => html`<li>${item}</li>`)}</ul>`}
${content.lines.slice(1).map(para)}
${content.action && actionUrl && html`<p style="margin:18px 0"><a href="${actionUrl}" style="background:#a4161a;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${content.action.label.vi}</a> <span lang="en" style="color:#555">${content.action.label.en}</span></p>`}
<hr style="border:0;border-top:1px solid #ddd;margin:20px 0 10px">
<p style="font-size:13px;color:#555;margin:0 0 2px">${portalName}. Thư gửi tự động, xin đừng trả lời thư này. <a href="${inboxUrl}">Mọi thông báo của bạn</a></p>
<p lang="en" style="font-size:13px;color:#555;margin:0">Automatic message: please do not reply. <a href="${inboxUrl}">All your notices</a></p>
</body></html>`

  return {
    subject: nfc(`${content.title.vi} – ${dossierCode} / ${content.title.en}`),
    text: nfc(text),
    html: nfc(body.toString()),
  }
}
