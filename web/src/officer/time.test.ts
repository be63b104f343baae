import { describe, expect, it } from 'vitest'
import { endOfOfficeDay, isDay, nextDay, vietnamDateTime, vietnamDay } from './time.ts'

describe('Vietnam time on the officers’ screens', () => {
  it('shows an instant in Vietnam whatever its offset', () => {
    expect(vietnamDateTime('2026-11-27T10:00:00Z', 'vi')).toBe('17:00 27/11/2026')
    expect(vietnamDateTime('2026-11-27T17:30:00Z', 'en')).toBe('28/11/2026, 00:30')
    expect(vietnamDateTime('2026-11-27T17:30:00+07:00', 'vi')).toBe('17:30 27/11/2026')
  })

  it('names the Vietnam day of an instant (17:30 UTC is already the next day)', () => {
    expect(vietnamDay('2026-11-27T16:59:00Z')).toBe('2026-11-27')
    expect(vietnamDay('2026-11-27T17:00:00Z')).toBe('2026-11-28')
    expect(vietnamDay('2026-12-31T23:00:00+07:00')).toBe('2026-12-31')
  })

  it('counts days and ends a picked day at 17:00 Vietnam', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
    expect(nextDay('2028-02-28')).toBe('2028-02-29')
    expect(endOfOfficeDay('2026-12-08')).toBe('2026-12-08T17:00:00+07:00')
  })

  it('knows a real day from a typed one', () => {
    expect(isDay('2026-12-08')).toBe(true)
    for (const bad of ['2026-02-30', '2026-13-01', '08/12/2026', '', '2026-1-8']) expect(isDay(bad)).toBe(false)
  })
})
