/**
 * Sign-in events of the embedded provider, for the audit log (src/audit, written elsewhere) and
 * for the process log. One emitter for the process, so code that has no handle on the provider
 * (the admin API, the audit log) can listen: `onIdpEvent(listener)` returns its unsubscribe.
 * Events never carry a password or a code.
 */
import { EventEmitter } from 'node:events'
import type { Logger } from '../log.ts'

export type IdpEvent =
  | { type: 'signin.success'; issuer: string; at: string; sub: string; amr: string[]; acr: string; ip?: string }
  | {
      type: 'signin.failure'
      issuer: string
      at: string
      /** Absent when the username matches no account. */
      sub?: string
      /** As typed (trimmed); the audit log may keep it, the process log masks it. */
      username: string
      reason: 'credentials' | 'totp' | 'totp-replayed' | 'locked'
      failedAttempts?: number
      ip?: string
    }
  | { type: 'account.locked'; issuer: string; at: string; sub: string; failedAttempts: number; ip?: string }
  | { type: 'account.unlocked'; at: string; sub: string; by: string }
  | { type: 'signout'; issuer: string; at: string; sub?: string; ip?: string }

export type IdpEventListener = (event: IdpEvent) => void

const emitter = new EventEmitter()
emitter.setMaxListeners(100)

/** @example const stop = onIdpEvent((e) => audit.append(e)); … stop() */
export function onIdpEvent(listener: IdpEventListener): () => void {
  emitter.on('event', listener)
  return () => emitter.off('event', listener)
}

/** A listener that throws must not break a sign-in: it is logged, the others still run. */
export function emitIdpEvent(event: IdpEvent, logger?: Logger): void {
  for (const listener of emitter.listeners('event') as IdpEventListener[]) {
    try {
      listener(event)
    } catch (error) {
      logger?.error({ err: error, event: event.type }, 'idp event listener failed')
    }
  }
}

/** One pino line per event; the username is masked since for citizens it is the identity number. */
export function logIdpEvent(logger: Logger, event: IdpEvent): void {
  const line = 'username' in event ? { ...event, username: maskUsername(event.username) } : event
  const level = event.type === 'signin.success' || event.type === 'signout' ? 'info' : 'warn'
  logger[level]({ idp: line }, `idp ${event.type}`)
}

export function maskUsername(username: string): string {
  return username.length <= 4 ? '****' : `${username.slice(0, 3)}****${username.slice(-2)}`
}

/** An event as its source reports it; the provider adds `issuer` and `at`. */
export type IdpEventInput = IdpEvent extends infer E ? (E extends unknown ? Omit<E, 'at' | 'issuer'> : never) : never
