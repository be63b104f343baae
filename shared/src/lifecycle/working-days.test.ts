import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { HOLIDAYS_2025_2027 as table } from './holidays.ts'
import { addCalendarDays, addHours, addWorkingDays, dueSoon, isOverdue, isWorkingDay, vietnamDate } from './working-days.ts'

const dayIn = fc.integer({ min: 0, max: 1000 }).map((n) => addCalendarDays('2025-01-01', n))

describe('working days', () => {
  it('the table: Tết 2025 off, swapped Saturdays worked, ordinary weekends off', () => {
    expect(isWorkingDay('2025-01-27', table)).toBe(false)
    expect(isWorkingDay('2025-02-15', table)).toBe(true)
    expect(isWorkingDay('2025-03-08', table)).toBe(false)
    expect(isWorkingDay('2025-03-07', table)).toBe(true)
    expect(new Set(table.days.map((d) => d.date)).size).toBe(table.days.length)
  })

  it('addWorkingDays lands on a working day, n working days later, in order', () => {
    fc.assert(
      fc.property(dayIn, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const { date } = addWorkingDays(start, n, table)
        expect(isWorkingDay(date, table)).toBe(true)
        let count = 0
        for (let d = addCalendarDays(start, 1); d <= date; d = addCalendarDays(d, 1)) if (isWorkingDay(d, table)) count++
        expect(count).toBe(n)
        expect(addWorkingDays(start, n + 1, table).date > date).toBe(true)
      }),
    )
  })

  it('flags a count past the table instead of guessing silently', () => {
    expect(addWorkingDays('2027-12-30', 1, table)).toMatchObject({ date: '2027-12-31', beyondTable: false })
    expect(addWorkingDays('2027-12-30', 2, table)).toMatchObject({ date: '2028-01-03', beyondTable: true })
    expect(addWorkingDays('2024-12-30', 1, table).beyondTable).toBe(true) // before the table too
    expect(addHours('2024-12-31T16:00:00+07:00', 2, table).beyondTable).toBe(true)
  })

  it('Vietnam time: 23:30 UTC is the next day in Vietnam', () => {
    expect(vietnamDate('2025-03-03T23:30:00Z')).toBe('2025-03-04')
    expect(() => vietnamDate('2025-03-03T10:00:00')).toThrow(RangeError)
  })

  it('overdue after the due instant; due soon from the working day before it', () => {
    const due = '2025-03-10T17:00:00+07:00' // Monday
    expect(isOverdue('2025-03-10T17:00:00+07:00', due)).toBe(false)
    expect(isOverdue('2025-03-10T17:00:01+07:00', due)).toBe(true)
    expect(dueSoon('2025-03-06T23:59:00+07:00', due, table)).toBe(false)
    expect(dueSoon('2025-03-07T00:00:00+07:00', due, table)).toBe(true) // Friday
    expect(dueSoon('2025-03-10T18:00:00+07:00', due, table)).toBe(false)
    expect(dueSoon('2025-02-03T08:00:00+07:00', '2025-02-03T17:00:00+07:00', table)).toBe(true)
    expect(dueSoon('2025-01-24T08:00:00+07:00', '2025-02-03T17:00:00+07:00', table)).toBe(true) // Tết between
  })
})
