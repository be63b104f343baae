import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAutosave } from './autosave.ts'
import type { FieldChange } from './save.ts'

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function recorder() {
  const saved: FieldChange[][] = []
  const write = vi.fn(async (changes: FieldChange[]) => void saved.push(changes))
  return { saved, write }
}

describe('autosave', () => {
  it('saves 300 ms after the last change, the latest value per path', async () => {
    const { saved, write } = recorder()
    const save = createAutosave(write, { now: () => Date.now() })
    save.change('name', 'N')
    await vi.advanceTimersByTimeAsync(100)
    save.change('name', 'Ng')
    await vi.advanceTimersByTimeAsync(299)
    expect(write).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(saved).toEqual([[expect.objectContaining({ path: 'name', value: 'Ng' })]])
    await save.dispose()
  })

  it('still saves during steady typing (max wait)', async () => {
    const { write } = recorder()
    const save = createAutosave(write)
    for (let i = 0; i < 20; i++) {
      save.change('name', 'x'.repeat(i))
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(2)
    await save.dispose()
  })

  it('saves at once when the page is hidden or left', async () => {
    const { write } = recorder()
    const save = createAutosave(write)
    save.change('a', 1)
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(write).toHaveBeenCalledTimes(1)
    save.change('b', 2)
    window.dispatchEvent(new Event('pagehide'))
    await vi.advanceTimersByTimeAsync(0)
    expect(write).toHaveBeenCalledTimes(2)
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    await save.dispose()
  })

  it('keeps changes in memory when the disk is full, reports it, and retries', async () => {
    let full = true
    const saved: FieldChange[][] = []
    const write = vi.fn(async (changes: FieldChange[]) => {
      if (full) throw new DOMException('full', 'QuotaExceededError')
      saved.push(changes)
    })
    const save = createAutosave(write, { retryDelay: 1000 })
    save.change('a', 1)
    save.change('b', 2)
    await save.flush()
    expect(save.state.error).toBe('QuotaExceededError')
    expect(save.state.pending).toBe(2)
    save.change('a', 3)
    full = false
    await vi.advanceTimersByTimeAsync(1000)
    expect(save.state.error).toBeNull()
    expect(saved.flat().map((c) => [c.path, c.value]).sort()).toEqual([['a', 3], ['b', 2]])
    await save.dispose()
  })
})
