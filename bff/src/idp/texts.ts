/** Every text of the sign-in pages: Vietnamese first, English beside it. */
export interface Bilingual {
  vi: string
  en: string
}

export const TEXTS = {
  portal: { vi: 'Cổng Dịch vụ công', en: 'Public Service Portal' },
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  username: { vi: 'Tên đăng nhập (số định danh cá nhân)', en: 'Username (personal identification number)' },
  usernameHint: { vi: 'Cán bộ, quản trị viên: tên đăng nhập được cấp.', en: 'Officers and administrators: the login you were given.' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  totpTitle: { vi: 'Xác thực hai lớp', en: 'Two-step verification' },
  totpIntro: {
    vi: 'Nhập mã 6 chữ số trong ứng dụng xác thực trên điện thoại của bạn.',
    en: 'Enter the 6-digit code from the authenticator app on your phone.',
  },
  totpCode: { vi: 'Mã xác thực', en: 'Verification code' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  wrongCredentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'The username or password is incorrect.' },
  locked: {
    vi: 'Tài khoản tạm khoá do nhập sai mật khẩu quá 5 lần. Hãy liên hệ quản trị viên để mở khoá.',
    en: 'This account is locked after 5 failed sign-in attempts. Please contact an administrator to unlock it.',
  },
  wrongCode: { vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The verification code is wrong or has expired.' },
  replayedCode: {
    vi: 'Mã xác thực này đã được dùng. Hãy đợi mã tiếp theo.',
    en: 'This code has already been used. Wait for the next code.',
  },
  missingFields: { vi: 'Hãy nhập tên đăng nhập và mật khẩu.', en: 'Enter your username and password.' },
  expiredTitle: { vi: 'Phiên đăng nhập không còn hiệu lực', en: 'This sign-in is no longer valid' },
  expired: {
    vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy quay lại Cổng và đăng nhập lại.',
    en: 'This sign-in has expired or is not valid. Go back to the portal and sign in again.',
  },
  forbidden: {
    vi: 'Yêu cầu không hợp lệ. Hãy tải lại trang đăng nhập.',
    en: 'The request was refused. Reload the sign-in page.',
  },
  errorTitle: { vi: 'Đã có lỗi', en: 'Something went wrong' },
  backHome: { vi: 'Về trang chủ Cổng', en: 'Back to the portal' },
  logoutTitle: { vi: 'Đăng xuất?', en: 'Sign out?' },
  logoutIntro: {
    vi: 'Bạn có muốn đăng xuất khỏi tài khoản trên Cổng Dịch vụ công?',
    en: 'Do you want to sign out of your Public Service Portal account?',
  },
  logoutYes: { vi: 'Đăng xuất', en: 'Sign out' },
  logoutNo: { vi: 'Không, giữ đăng nhập', en: 'No, stay signed in' },
  loggedOutTitle: { vi: 'Bạn đã đăng xuất', en: 'You are signed out' },
  demoNote: {
    vi: 'Bản thử nghiệm: tài khoản mẫu, mật khẩu Demo@2026! (xem docs/configuration.md).',
    en: 'Demo: sample accounts, password Demo@2026! (see docs/configuration.md).',
  },
} satisfies Record<string, Bilingual>
