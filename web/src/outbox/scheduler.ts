/**
 * Runs flush passes (flush.ts): one at a time in this tab (a request during a pass runs one more
 * pass after it), one at a time across tabs (a Web Lock, where the browser has them), and again
 * when the next item is due (a timer at the earliest backoff time). Triggers come from boot.ts,
 * from queuing, and from "Thử lại".
 */
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import { flushOutbox, type FlushResult } from './flush.ts'

let running: Promise<void> | null = null
let again = false
let timer: ReturnType<typeof setTimeout> | undefined

/** A pass now; `force` (a trigger) ignores backoff times, the timer's pass does not. */
export function flushNow(force = true): Promise<void> {
  if (running) {
    again = true
    return running
  }
  running = pass(force).finally(() => {
    running = null
    if (again) {
      again = false
      void flushNow()
    }
  })
  return running
}

async function pass(force: boolean): Promise<void> {
  clearTimeout(timer)
  try {
    const db = await portalDb()
    const run = () => flushOutbox({ db, fetch: (input, init) => fetch(input, init), origin: location.origin, now: Date.now, random: Math.random, force })
    const { nextAttemptAt }: FlushResult = navigator.locks ? await navigator.locks.request('portal-outbox', run) : await run()
    if (nextAttemptAt !== null) timer = setTimeout(() => void flushNow(false), Math.max(0, nextAttemptAt - Date.now()))
  } catch (error) {
    log.warn('outbox pass failed', error)
  }
}
