/**
 * The look-up page without JavaScript (/tra-cuu?ma=<code>), for search engines and phones with
 * scripts off: the app's LookupView markup (web/src/lookup/LookupView.vue), so the app takes it
 * over without a jump. It shows the public tier only: pages carry no session.
 */
import type { DossierLookup } from '@portal/shared/lookup/schema'
import { html, type Html } from '../pages/html.ts'
import { crumbs, renderPage, type PageContext } from '../pages/layout.ts'
import { fill } from '../pages/texts.ts'
import { formatDateTime, TL } from './texts.ts'

export type LookupOutcome =
  | { kind: 'blank' }
  | { kind: 'found'; answer: DossierLookup }
  | { kind: 'invalid'; code: string }
  | { kind: 'not-found'; code: string }
  | { kind: 'too-many'; code: string; retryAfterSeconds: number }

const L = TL.lookup

function form(code: string): Html {
  return html`<form class="search" role="search" action="/tra-cuu" method="get"><label for="ma">${L.label}</label><div class="search-row"><input id="ma" name="ma" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="search" placeholder="${L.placeholder}"${code && html` value="${code}"`}><button class="button" type="submit">${L.submit}</button></div></form>`
}

function fact(label: string, value: string | undefined): Html | undefined {
  return value === undefined ? undefined : html`<div><dt>${label}</dt><dd>${value}</dd></div>`
}

const when = (iso: string | undefined) => (iso === undefined ? undefined : formatDateTime(iso))

/** The public tier as a list of facts, under the dossier's code. */
export function resultSection(answer: DossierLookup): Html {
  return html`<section aria-labelledby="lookup-result"><h2 id="lookup-result">${fill(L.result, { code: answer.code })}</h2><dl class="facts">${[
    html`<div><dt>${L.procedure}</dt><dd lang="vi">${answer.procedure.name} (${answer.procedure.code})</dd></div>`,
    fact(L.status, answer.status.name),
    fact(L.submittedAt, when(answer.submittedAt)),
    fact(L.receivedAt, when(answer.receivedAt)),
    fact(L.dueAt, when(answer.dueAt)),
    fact(L.returnedAt, when(answer.returnedAt)),
  ]}</dl></section>`
}

function message(outcome: LookupOutcome): string | undefined {
  switch (outcome.kind) {
    case 'invalid':
      return L.errors.invalid
    case 'not-found':
      return L.errors.notFound
    case 'too-many':
      return fill(L.errors.tooMany, { seconds: outcome.retryAfterSeconds })
    default:
      return undefined
  }
}

export function renderLookupPage(ctx: PageContext, outcome: LookupOutcome): string {
  const code = outcome.kind === 'found' ? outcome.answer.code : outcome.kind === 'blank' ? '' : outcome.code
  const problem = message(outcome)
  const main = html`${crumbs([{ label: L.title }])}
<h1>${L.title}</h1>
<p class="lead">${L.lead}</p>
${form(code)}
${problem && html`<p class="problem" role="alert">${problem}</p>`}
${outcome.kind === 'found' && resultSection(outcome.answer)}`
  // Only the blank form is for indexes; a result is one person's dossier.
  return renderPage(ctx, { title: L.title, description: L.lead, path: '/tra-cuu', noindex: outcome.kind !== 'blank' }, main)
}
