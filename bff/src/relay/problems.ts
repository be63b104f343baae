/** Problem types of the relay (suffixes after PROBLEM_BASE). */
import type { Problem } from '@portal/shared/http/problem'
import { HttpError } from '../http/problem.ts'
import type { InboundOutcome } from './contract.ts'
import type { Verdict } from './signature.ts'

export const relayProblemTypes = {
  /** 401: the callback's timestamp is missing, older than 5 minutes, or ahead of our clock. */
  timestamp: 'relay-timestamp-invalid',
  /** 401: the callback's HMAC signature does not match. */
  signature: 'relay-signature-invalid',
  /** 422: a well-formed status event the state machine refuses (or for an unknown dossier). */
  refused: 'status-event-refused',
  /** 409: an administrator asked to retry a message that is not parked. */
  notParked: 'relay-message-not-parked',
  /** 413: the callback body is over its limit. */
  tooLarge: 'payload-too-large',
} as const

const TIMESTAMP_DETAIL: Record<Exclude<Verdict, 'ok' | 'signature-invalid'>, string> = {
  'timestamp-missing': 'Thiếu hoặc sai tiêu đề X-Relay-Timestamp (giây Unix).',
  'timestamp-stale': 'Chữ ký đã quá 5 phút: yêu cầu bị coi là phát lại.',
  'timestamp-future': 'Thời điểm ký ở tương lai so với đồng hồ của cổng.',
}

/** @example throw callbackRefused('timestamp-stale') */
export function callbackRefused(verdict: Exclude<Verdict, 'ok'>): HttpError {
  if (verdict === 'signature-invalid') {
    return new HttpError(401, relayProblemTypes.signature, 'Chữ ký không hợp lệ', 'Chữ ký X-Relay-Signature không khớp với nội dung và thời điểm gửi.')
  }
  return new HttpError(401, relayProblemTypes.timestamp, 'Thời điểm ký không hợp lệ', TIMESTAMP_DETAIL[verdict])
}

type Refusal = Extract<InboundOutcome, { outcome: 'refused' }>

/** The inbound refused the event: the body says why, with the stable code of the refusal. */
export class StatusEventRefused extends HttpError {
  constructor(readonly refusal: Refusal) {
    super(422, relayProblemTypes.refused, 'Sự kiện trạng thái bị từ chối', refusal.message)
  }

  override toProblem(instance: string): Problem & Refusal {
    return { ...super.toProblem(instance), ...this.refusal }
  }
}

export const messageNotParked = () =>
  new HttpError(409, relayProblemTypes.notParked, 'Thông điệp không ở trạng thái tạm dừng', 'Chỉ gửi lại được thông điệp đã bị hệ thống một cửa từ chối (đang tạm dừng).')

export const callbackTooLarge = (limit: number) =>
  new HttpError(413, relayProblemTypes.tooLarge, 'Dữ liệu gửi lên quá lớn', `Nội dung yêu cầu vượt quá ${Math.round(limit / 1024)} KB.`)
