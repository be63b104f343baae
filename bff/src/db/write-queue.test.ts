import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type Db } from './open.ts'
import { tempDir } from '../testing/app.ts'
import { WriteQueue } from './write-queue.ts'

describe('WriteQueue (group commit)', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Db
  let other: Database.Database
  beforeEach(() => {
    dir = tempDir()
    db = openDatabase(`${dir.dir}/q.sqlite`)
    db.$client.exec('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); CREATE TABLE item (n INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)')
    // A second connection sees only what is committed.
    other = new Database(`${dir.dir}/q.sqlite`, { readonly: true })
  })
  afterEach(() => {
    other.close()
    db.$client.close()
    dir.cleanup()
  })

  /** Takes the next number and files an item under it: what an intake does with its agency's counter. */
  function next(label: string): number {
    const c = db.$client
    const { n } = c.prepare('INSERT INTO counter (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1 RETURNING n').get() as { n: number }
    c.prepare('INSERT INTO item (n, label) VALUES (?, ?)').run(n, label)
    return n
  }
  const committed = (n: number) => other.prepare('SELECT label FROM item WHERE n = ?').get(n) as { label: string } | undefined

  it('writes 200 concurrent items in one transaction: numbers unique and gapless, each promise settled after the commit', async () => {
    const queue = new WriteQueue(db.$client)
    const seen: boolean[] = []
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        queue.enqueue(() => next(`w${i}`)).then((n) => {
          // Settled only once the COMMIT returned: no transaction open, the row visible to another connection.
          seen.push(!db.$client.inTransaction && committed(n)?.label === `w${i}`)
          return n
        }),
      ),
    )
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    expect(seen).toEqual(Array(200).fill(true))
    expect(queue.stats).toEqual({ batches: 1, writes: 200, largest: 200 })
  })

  it('rolls back only the item that fails inside a batch; the others commit, numbers stay gapless', async () => {
    const queue = new WriteQueue(db.$client)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        queue.enqueue(() => {
          const n = next(`w${i}`)
          if (i === 4) throw new Error('refused after writing')
          return n
        }),
      ),
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect((outcomes[4] as PromiseRejectedResult).reason).toEqual(new Error('refused after writing'))
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(other.prepare('SELECT label FROM item ORDER BY n').pluck().all()).toEqual(['w0', 'w1', 'w2', 'w3', 'w5', 'w6', 'w7', 'w8', 'w9'])
    expect(queue.stats.batches).toBe(1)
  })

  it('a constraint failure inside an item (the same label twice in one batch) fails that item only', async () => {
    const queue = new WriteQueue(db.$client)
    const outcomes = await Promise.allSettled([queue.enqueue(() => next('same')), queue.enqueue(() => next('same')), queue.enqueue(() => next('other'))])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(other.prepare('SELECT n, label FROM item ORDER BY n').all()).toEqual([
      { n: 1, label: 'same' },
      { n: 2, label: 'other' },
    ])
  })

  it('caps a batch: 600 waiting writes go in 256, 256, 88', async () => {
    const queue = new WriteQueue(db.$client, 256)
    const results = await Promise.all(Array.from({ length: 600 }, (_, i) => queue.enqueue(() => next(`w${i}`))))
    expect(results).toEqual(Array.from({ length: 600 }, (_, i) => i + 1))
    expect(queue.stats).toEqual({ batches: 3, writes: 600, largest: 256 })
  })

  it('a write that comes while nothing waits is committed in the same turn of the event loop, without a timer', async () => {
    // With timers frozen, a flush that waited on one would never come and the write would hang.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] })
    try {
      const queue = new WriteQueue(db.$client)
      expect(await queue.enqueue(() => next('alone'))).toBe(1)
      expect(committed(1)).toEqual({ label: 'alone' })
    } finally {
      vi.useRealTimers()
    }
  })
})
