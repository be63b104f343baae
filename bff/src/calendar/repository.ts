/**
 * The holiday table's storage: the seed, the reads, and the administrators' changes. Each change
 * runs in one immediate transaction with its audit entry and a new `revision`, so readers see
 * either the old table or the new one with its reason recorded, never a change without its entry.
 */
import { asc, eq } from 'drizzle-orm'
import type { HolidayChange, HolidayDay, HolidayInput, HolidayPeriod, HolidayTableView } from '@portal/shared/calendar/schema'
import { HOLIDAYS_2025_2027, type HolidayEntry, type HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { AuditEntry, Json } from '../audit/chain.ts'
import type { AuditInput, AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import type { Db, Queryable } from '../db/open.ts'
import { dayExists, dayNotFound, dayNotProvisional } from './problems.ts'
import { holidayDays, holidayTable } from './table.ts'

type DayRow = typeof holidayDays.$inferSelect

function toDay(row: DayRow): HolidayDay {
  return { ...toEntry(row), updatedAt: row.updatedAt, updatedBy: row.updatedBy }
}

function toEntry(row: DayRow): HolidayEntry {
  const entry: HolidayEntry = { date: row.date, off: row.off, name: row.name, source: row.source }
  if (row.provisional) entry.provisional = true
  return entry
}

/** A day as the audit log records it. */
function facts(row: DayRow): { [key: string]: Json } {
  return { date: row.date, off: row.off, name: row.name, source: row.source, provisional: row.provisional }
}

/**
 * Writes `seed` unless the table was seeded before (by this process or another).
 * @returns whether it wrote the seed
 */
export function seedHolidayTable(db: Queryable, now: Date, seed: HolidayTable = HOLIDAYS_2025_2027): boolean {
  return db.transaction(
    (tx) => {
      const at = now.toISOString()
      const created = tx
        .insert(holidayTable)
        .values({ id: 1, from: seed.from, until: seed.until, revision: 1, seededAt: at, updatedAt: at })
        .onConflictDoNothing()
        .run()
      if (created.changes === 0) return false
      for (const day of seed.days) {
        tx.insert(holidayDays)
          .values({ ...day, provisional: day.provisional === true, updatedAt: at, updatedBy: 'seed' })
          .run()
      }
      return true
    },
    { behavior: 'immediate' },
  )
}

function readMeta(db: Queryable) {
  const meta = db.select().from(holidayTable).where(eq(holidayTable.id, 1)).get()
  if (!meta) throw new Error('holiday_table is empty: seedHolidayTable() was not called')
  return meta
}

/** The table as the due-date code takes it, with the revision it was read at. */
export function readHolidayTable(db: Queryable): { revision: number; table: HolidayTable } {
  // One read transaction: the period, the days and the revision come from the same snapshot.
  return db.transaction((tx) => {
    const meta = readMeta(tx)
    const days = tx.select().from(holidayDays).orderBy(asc(holidayDays.date)).all().map(toEntry)
    return { revision: meta.revision, table: { from: meta.from, until: meta.until, days } }
  })
}

export class HolidayCalendar {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  view(): HolidayTableView {
    return this.db.transaction((tx) => {
      const meta = readMeta(tx)
      const days = tx.select().from(holidayDays).orderBy(asc(holidayDays.date)).all().map(toDay)
      return { from: meta.from, until: meta.until, revision: meta.revision, days }
    })
  }

  /** @throws HttpError 409 when the date is in the table already */
  add(input: HolidayInput, actor: string): HolidayDay {
    return this.#change(actor, (tx, at) => {
      if (this.#row(tx, input.date)) throw dayExists(input.date)
      const row = tx
        .insert(holidayDays)
        .values({ ...input, provisional: input.provisional === true, updatedAt: at, updatedBy: actor })
        .returning()
        .get()
      const day = toDay(row)
      return { result: day, audit: { action: 'holiday.added', target: day.date, details: { after: facts(row) } } }
    })
  }

  /** @throws HttpError 404 when the date is not in the table */
  change(date: string, change: HolidayChange, actor: string): HolidayDay {
    return this.#change(actor, (tx, at) => {
      const before = this.#row(tx, date)
      if (!before) throw dayNotFound(date)
      const row = tx
        .update(holidayDays)
        .set({ ...change, updatedAt: at, updatedBy: actor })
        .where(eq(holidayDays.date, date))
        .returning()
        .get()
      if (!row) throw dayNotFound(date)
      return { result: toDay(row), audit: { action: 'holiday.changed', target: date, details: { before: facts(before), after: facts(row) } } }
    })
  }

  /** @throws HttpError 404 when the date is not in the table */
  remove(date: string, actor: string): void {
    this.#change(actor, (tx) => {
      const before = this.#row(tx, date)
      if (!before) throw dayNotFound(date)
      tx.delete(holidayDays).where(eq(holidayDays.date, date)).run()
      return { result: undefined, audit: { action: 'holiday.removed', target: date, details: { before: facts(before) } } }
    })
  }

  /**
   * Marks a provisional day as confirmed by an official text (`source`, when given, replaces the
   * one recorded: it is the announcement that settled it).
   * @throws HttpError 404 unknown date, 409 the day is not provisional
   */
  confirm(date: string, source: string | undefined, actor: string): HolidayDay {
    return this.#change(actor, (tx, at) => {
      const before = this.#row(tx, date)
      if (!before) throw dayNotFound(date)
      if (!before.provisional) throw dayNotProvisional(date)
      const row = tx
        .update(holidayDays)
        .set({ provisional: false, ...(source ? { source } : {}), updatedAt: at, updatedBy: actor })
        .where(eq(holidayDays.date, date))
        .returning()
        .get()
      if (!row) throw dayNotFound(date)
      return { result: toDay(row), audit: { action: 'holiday.confirmed', target: date, details: { before: facts(before), after: facts(row) } } }
    })
  }

  setPeriod(period: HolidayPeriod, actor: string): HolidayPeriod {
    return this.#change(actor, (tx, at) => {
      const before = readMeta(tx)
      tx.update(holidayTable).set({ from: period.from, until: period.until, updatedAt: at }).where(eq(holidayTable.id, 1)).run()
      const details = { before: { from: before.from, until: before.until }, after: { ...period } }
      return { result: { from: period.from, until: period.until }, audit: { action: 'holiday.period-changed', target: null, details } }
    })
  }

  #row(tx: Queryable, date: string): DayRow | undefined {
    return tx.select().from(holidayDays).where(eq(holidayDays.date, date)).get()
  }

  /** Runs `apply`, moves the revision and appends the audit entry, all in one transaction. */
  #change<T>(actor: string, apply: (tx: Queryable, at: string) => { result: T; audit: Omit<AuditInput, 'actor'> }): T {
    const at = this.clock.now().toISOString()
    let entry: AuditEntry | undefined
    const result = this.db.transaction(
      (tx) => {
        const { result, audit } = apply(tx, at)
        const meta = readMeta(tx)
        tx.update(holidayTable).set({ revision: meta.revision + 1, updatedAt: at }).where(eq(holidayTable.id, 1)).run()
        entry = this.audit.append({ actor, ...audit })
        return result
      },
      { behavior: 'immediate' },
    )
    if (entry) this.audit.logged(entry)
    return result
  }
}
