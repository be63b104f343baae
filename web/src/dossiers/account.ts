/** The signed-in person as the outbox records who queued an item (decision 5), or null. */
import type { SessionUser } from '../auth/session.ts'
import type { Account } from '../outbox/queue.ts'

export function accountOf(user: SessionUser | null | undefined): Account | null {
  return user ? { sub: user.sub, ...(user.name ? { name: user.name } : {}) } : null
}

/** A flush at once (the outbox code loads only now). */
export function flushSoon(): void {
  void import('../outbox/scheduler.ts').then((m) => m.flushNow())
}
