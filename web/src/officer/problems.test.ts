import { describe, expect, it } from 'vitest'
import { ApiError } from '../auth/api.ts'
import { UploadFailure } from '../outbox/upload.ts'
import { AnswerError } from './api.ts'
import { describeProblem } from './problems.ts'

describe('problems in the officer’s words', () => {
  it('a refused transition speaks with the state machine’s text, in the reader’s language', () => {
    const refused = new ApiError(409, 'transition-refused', 'Đã hẹn lại ngày trả kết quả một lần: không được hẹn lại nữa.')
    expect(describeProblem(refused, 'vi')).toEqual({ text: 'Đã hẹn lại ngày trả kết quả một lần: không được hẹn lại nữa.' })
    expect(describeProblem(refused, 'en')).toEqual({ text: 'The return date was already reset once and cannot be reset again.' })
    // A text the app does not know (a newer BFF) is shown as the server wrote it.
    expect(describeProblem(new ApiError(409, 'transition-refused', 'Lý do mới.'), 'en')).toEqual({ text: 'Lý do mới.' })
  })

  it('access: signed out asks to sign in; forbidden and MFA say why; another agency’s dossier is not found', () => {
    expect(describeProblem(new ApiError(401, 'unauthenticated', 'Vui lòng đăng nhập để tiếp tục.'), 'vi')).toEqual({ key: 'signedOut', signIn: true })
    expect(describeProblem(new ApiError(403, 'forbidden', 'Bạn không thuộc cơ quan này.'), 'vi')).toEqual({ key: 'forbidden', detail: 'Bạn không thuộc cơ quan này.' })
    expect(describeProblem(new ApiError(403, 'mfa-required', 'Cần xác thực hai lớp'), 'vi').key).toBe('mfa')
    expect(describeProblem(new ApiError(404, 'not-found', 'Không tìm thấy'), 'vi')).toEqual({ key: 'notFound' })
  })

  it('other failures: conflict and invalid input keep the server’s detail; server, busy, network, bad answer', () => {
    expect(describeProblem(new ApiError(409, 'conflict', 'Hồ sơ đã thay đổi.'), 'vi')).toEqual({ key: 'conflict', detail: 'Hồ sơ đã thay đổi.' })
    expect(describeProblem(new ApiError(400, 'invalid-input', 'reasons: Cần ghi lý do.'), 'vi')).toEqual({ key: 'invalid', detail: 'reasons: Cần ghi lý do.' })
    expect(describeProblem(new ApiError(500, 'internal', 'Máy chủ gặp lỗi'), 'vi')).toEqual({ key: 'server' })
    expect(describeProblem(new ApiError(429, 'too-many', 'x'), 'vi')).toEqual({ key: 'busy' })
    expect(describeProblem(new TypeError('Failed to fetch'), 'vi')).toEqual({ key: 'network' })
    expect(describeProblem(new AnswerError('dossier: bad'), 'vi')).toEqual({ key: 'answer' })
  })

  it('uploads: a refused file says why; an upload without a session asks to sign in', () => {
    expect(describeProblem(new UploadFailure('refused', 422, 'Tệp nhận được không khớp mã băm'), 'vi')).toEqual({ key: 'uploadRefused', detail: 'Tệp nhận được không khớp mã băm' })
    expect(describeProblem(new UploadFailure('auth', 401, 'x'), 'vi')).toEqual({ key: 'signedOut', signIn: true })
    expect(describeProblem(new UploadFailure('unreachable', 0, 'x'), 'vi')).toEqual({ key: 'network' })
  })
})
