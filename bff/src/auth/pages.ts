/**
 * The few HTML pages of sign-in and sign-out, in Vietnamese with English beside. They are
 * standalone (the app's stylesheet, none of its scripts): the app has no route for /auth/*, so
 * booting it here would replace the message with "page not found".
 */
import { html, raw, type Html } from '../pages/html.ts'
import type { Template } from '../pages/template.ts'

export interface AuthPageText {
  vi: { title: string; text: string }
  en: { title: string; text: string }
}

/** Why a sign-in could not finish; the key is logged, the texts are shown. */
export const SIGN_IN_PROBLEMS = {
  'attempt-missing': {
    vi: { title: 'Phiên đăng nhập đã hết hạn', text: 'Lượt đăng nhập này không còn hiệu lực (quá 10 phút, đã dùng, hoặc bắt đầu từ trình duyệt khác). Vui lòng đăng nhập lại.' },
    en: { title: 'The sign-in has expired', text: 'This sign-in is no longer valid (over 10 minutes old, already used, or started in another browser). Please sign in again.' },
  },
  'provider-error': {
    vi: { title: 'Không đăng nhập được', text: 'Hệ thống xác thực đã từ chối hoặc hủy lượt đăng nhập này. Vui lòng thử lại.' },
    en: { title: 'Sign-in did not complete', text: 'The sign-in service refused or cancelled this sign-in. Please try again.' },
  },
  'invalid-response': {
    vi: { title: 'Không đăng nhập được', text: 'Phản hồi từ hệ thống xác thực không hợp lệ, nên chúng tôi không thể xác nhận danh tính của bạn. Vui lòng đăng nhập lại.' },
    en: { title: 'Sign-in did not complete', text: 'The answer from the sign-in service was not valid, so we could not confirm who you are. Please sign in again.' },
  },
  'provider-unavailable': {
    vi: { title: 'Hệ thống xác thực đang gián đoạn', text: 'Hiện không kết nối được tới hệ thống đăng nhập. Bạn vẫn có thể tra cứu thủ tục và soạn hồ sơ; vui lòng đăng nhập lại sau ít phút.' },
    en: { title: 'The sign-in service is unavailable', text: 'We cannot reach the sign-in service right now. You can still look up procedures and write dossiers; please try signing in again in a few minutes.' },
  },
  'mfa-required': {
    vi: { title: 'Cần xác thực hai lớp', text: 'Tài khoản cán bộ và quản trị phải đăng nhập bằng mật khẩu và mã xác thực (OTP). Vui lòng đăng nhập lại với mã OTP.' },
    en: { title: 'Two-factor sign-in required', text: 'Officer and administrator accounts must sign in with a password and a one-time code (OTP). Please sign in again with your code.' },
  },
} satisfies Record<string, AuthPageText>

export type SignInProblem = keyof typeof SIGN_IN_PROBLEMS

export function renderAuthPage(template: Template, text: AuthPageText, extra: Html = html``): string {
  const styles = template.shell.match(/<link[^>]+rel="stylesheet"[^>]*>/gi) ?? []
  return `<!doctype html>
${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${text.vi.title} · Cổng Dịch vụ công</title>
${raw(styles.join('\n'))}
</head>
<body>
<header class="top"><div class="wrap top-bar"><a class="brand" href="/"><img src="/icons/icon.svg" alt="" width="40" height="40"><span><strong>Cổng Dịch vụ công</strong></span></a></div></header>
<main id="main" class="wrap">
<h1>${text.vi.title}</h1>
<p>${text.vi.text}</p>
<div lang="en"><h2>${text.en.title}</h2><p>${text.en.text}</p></div>
${extra}
</main>
</body>
</html>`}`
}

export function signInProblemPage(template: Template, problem: SignInProblem): string {
  const again = html`<p><a class="button" href="/auth/login">Đăng nhập lại <span lang="en">(Sign in again)</span></a> <a href="/">Trang chủ <span lang="en">(Home)</span></a></p>`
  return renderAuthPage(template, SIGN_IN_PROBLEMS[problem], problem === 'provider-unavailable' ? html`<p><a class="button" href="/">Trang chủ <span lang="en">(Home)</span></a></p>` : again)
}

/** GET /auth/logout: a confirmation form, so sign-out works without JavaScript. */
export function signOutPage(template: Template, csrf: string | undefined): string {
  if (csrf === undefined) {
    return renderAuthPage(
      template,
      { vi: { title: 'Bạn đã đăng xuất', text: 'Không có phiên đăng nhập nào trên trình duyệt này.' }, en: { title: 'You are signed out', text: 'There is no session in this browser.' } },
      html`<p><a class="button" href="/">Trang chủ <span lang="en">(Home)</span></a></p>`,
    )
  }
  return renderAuthPage(
    template,
    { vi: { title: 'Đăng xuất', text: 'Bạn muốn đăng xuất khỏi Cổng Dịch vụ công trên thiết bị này?' }, en: { title: 'Sign out', text: 'Do you want to sign out of the portal on this device?' } },
    html`<form method="post" action="/auth/logout"><input type="hidden" name="csrf" value="${csrf}"><button class="button" type="submit">Đăng xuất <span lang="en">(Sign out)</span></button></form>`,
  )
}
