/**
 * What went wrong, in the officer's language: a refused transition with the state machine's own
 * words (its codes are the problem types), otherwise a sentence per kind of failure. The
 * server's detail, when it has one, is kept beside it: it is Vietnamese and says exactly what
 * the server found (which reason, which unit).
 */
import { LIFECYCLE_ERRORS, type LifecycleErrorCode } from '@portal/shared/lifecycle/messages'
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

const isLifecycleCode = (type: string): type is LifecycleErrorCode => Object.hasOwn(LIFECYCLE_ERRORS, type)

export function describeProblem(error: unknown, locale: string): ProblemText {
  if (error instanceof ApiError) {
    const type = error.type.replace(/^lifecycle-/, '')
    const detail = error.message && error.message !== type ? { detail: error.message } : {}
    if (isLifecycleCode(type)) {
      const own = LIFECYCLE_ERRORS[type]
      const text = locale === 'en' ? own.en : own.vi
      return { text, ...(error.message !== own.vi ? detail : {}) }
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
