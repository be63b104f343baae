/**
 * What went wrong, in the officer's language: a refused transition with the state machine's own
 * words, otherwise a sentence per kind of failure. The
 * server's detail, when it has one, is kept beside it: it is Vietnamese and says exactly what
 * the server found (which reason, which unit).
 */
import { LIFECYCLE_ERRORS } from '@portal/shared/lifecycle/messages'
import { ApiError } from '../auth/api.ts'
import { UploadFailure } from '../outbox/upload.ts'
import { AnswerError } from './api.ts'

export interface ProblemText {
  /** The message key under officer.problem, or the state machine's text already in words. */
  key?: string
  text?: string
  /** The server's own words (Vietnamese), when they add something. */
  detail?: string
  /** The session is gone: the screen offers to sign in again. */
  signIn?: boolean
}

/** The BFF's type for a step the state machine refuses (409); its detail is the machine's Vietnamese text. */
const TRANSITION_REFUSED = 'transition-refused'

export function describeProblem(error: unknown, locale: string): ProblemText {
  if (error instanceof ApiError) {
    const detail = error.message ? { detail: error.message } : {}
    if (error.type === TRANSITION_REFUSED) {
      // Known by its Vietnamese text (ApiError keeps the detail, not the problem's `code`).
      const own = Object.values(LIFECYCLE_ERRORS).find((m) => m.vi === error.message)
      return { text: own ? (locale === 'en' ? own.en : own.vi) : error.message }
    }
    if (error.status === 401) return { key: 'signedOut', signIn: true }
    if (error.status === 403) return { key: error.type === 'mfa-required' ? 'mfa' : 'forbidden', ...detail }
    if (error.status === 404) return { key: 'notFound' }
    if (error.status === 409) return { key: 'conflict', ...detail }
    if (error.status === 400 || error.status === 422) return { key: 'invalid', ...detail }
    if (error.status === 429) return { key: 'busy' }
    return { key: 'server' }
  }
  if (error instanceof UploadFailure) {
    if (error.kind === 'auth') return { key: 'signedOut', signIn: true }
    return error.kind === 'refused' ? { key: 'uploadRefused', detail: error.message } : { key: 'network' }
  }
  if (error instanceof AnswerError) return { key: 'answer' }
  return { key: 'network' }
}
