import { describe, expect, it } from 'vitest'
import { adminMessages, directoryMessages, holidayMessages } from './messages.ts'

// The build flattens each locale file ("holidays.title"): the keys are every message.
describe('the administrators’ texts', () => {
  for (const [name, feature] of Object.entries({ adminMessages, holidayMessages, directoryMessages })) {
    it(`${name} has the same keys in Vietnamese and English`, async () => {
      const [vi, en] = await Promise.all([feature.vi(), feature.en()])
      const keys = (m: unknown) => Object.keys((m as { default: object }).default).sort()
      expect(keys(en)).toEqual(keys(vi))
      expect(keys(vi).length).toBeGreaterThan(10)
    })
  }
})
