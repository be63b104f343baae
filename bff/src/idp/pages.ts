/**
 * The provider's HTML pages: sign-in, second factor, logout confirmation, signed-out, errors.
 * No inline script or style (the CSP forbids them): one stylesheet at `<mount>/assets/idp.css`.
 * Each page is one column, readable at 360 px, labels tied to inputs, errors announced.
 */
import { html, SafeHtml } from './html.ts'
import { TEXTS, type Bilingual } from './texts.ts'

/** `<vi> <span lang="en">en</span>`: the English beside, styled lighter. */
export function both(text: Bilingual): SafeHtml {
  return html`${text.vi} <span lang="en">${text.en}</span>`
}

export interface PageContext {
  /** The provider's mount path, e.g. '/idp' (its stylesheet is under it). */
  mountPath: string
  /** The portal's home page, for the header link and "back" links. */
  homeUrl: string
  /** Shows the demo password note under the sign-in form. */
  demo: boolean
}

function layout(ctx: PageContext, title: Bilingual, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title.vi} – ${TEXTS.portal.vi}</title>
<link rel="stylesheet" href="${ctx.mountPath}/assets/idp.css">
</head>
<body>
<header><a href="${ctx.homeUrl}">${TEXTS.portal.vi}</a></header>
<main>
<h1>${both(title)}</h1>
${body}
</main>
</body>
</html>`.value
}

function errorBox(error?: Bilingual): SafeHtml | undefined {
  return error ? html`<div class="error" role="alert" id="form-error"><p>${error.vi} <span lang="en">${error.en}</span></p></div>` : undefined
}

export interface FormPage {
  action: string
  cancelAction: string
  csrf: string
  error?: Bilingual
}

export function loginPage(ctx: PageContext, form: FormPage & { username?: string }): string {
  const invalid = form.error ? 'true' : 'false'
  return layout(ctx, TEXTS.signInTitle, html`${errorBox(form.error)}
<form method="post" action="${form.action}" novalidate>
<input type="hidden" name="csrf" value="${form.csrf}">
<label for="username">${both(TEXTS.username)}</label>
<input type="text" id="username" name="username" value="${form.username ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required aria-describedby="username-hint${form.error ? ' form-error' : ''}" aria-invalid="${invalid}"${form.username ? '' : html` autofocus`}>
<p class="hint" id="username-hint">${both(TEXTS.usernameHint)}</p>
<label for="password">${both(TEXTS.password)}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required aria-invalid="${invalid}"${form.username ? html` autofocus` : ''}>
<button type="submit" class="primary">${both(TEXTS.signIn)}</button>
</form>
${cancelForm(form)}
${ctx.demo ? html`<p class="demo">${both(TEXTS.demoNote)}</p>` : ''}`)
}

export function totpPage(ctx: PageContext, form: FormPage): string {
  return layout(ctx, TEXTS.totpTitle, html`${errorBox(form.error)}
<p>${both(TEXTS.totpIntro)}</p>
<form method="post" action="${form.action}" novalidate>
<input type="hidden" name="csrf" value="${form.csrf}">
<label for="code">${both(TEXTS.totpCode)}</label>
<input type="text" id="code" name="code" class="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus aria-invalid="${form.error ? 'true' : 'false'}"${form.error ? html` aria-describedby="form-error"` : ''}>
<button type="submit" class="primary">${both(TEXTS.confirm)}</button>
</form>
${cancelForm(form)}`)
}

function cancelForm(form: FormPage): SafeHtml {
  return html`<form method="post" action="${form.cancelAction}">
<input type="hidden" name="csrf" value="${form.csrf}">
<button type="submit" class="secondary">${both(TEXTS.cancel)}</button>
</form>`
}

export function messagePage(ctx: PageContext, title: Bilingual, message: Bilingual, detail?: string): string {
  return layout(ctx, title, html`<p>${both(message)}</p>
${detail ? html`<p class="hint">${detail}</p>` : ''}
<p><a href="${ctx.homeUrl}">${both(TEXTS.backHome)}</a></p>`)
}

/** `form` is oidc-provider's own (an empty form with its xsrf field, id "op.logoutForm"). */
export function logoutPage(ctx: PageContext, form: string): string {
  return layout(ctx, TEXTS.logoutTitle, html`<p>${both(TEXTS.logoutIntro)}</p>
${new SafeHtml(form)}
<button type="submit" class="primary" form="op.logoutForm" name="logout" value="yes" autofocus>${both(TEXTS.logoutYes)}</button>
<button type="submit" class="secondary" form="op.logoutForm">${both(TEXTS.logoutNo)}</button>`)
}

export function loggedOutPage(ctx: PageContext): string {
  return layout(ctx, TEXTS.loggedOutTitle, html`<p><a href="${ctx.homeUrl}">${both(TEXTS.backHome)}</a></p>`)
}
