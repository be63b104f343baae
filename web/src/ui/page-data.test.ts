import { afterEach, describe, expect, it, vi } from 'vitest'
import * as v from 'valibot'
import { takePageData } from './page-data.ts'

const Schema = v.object({ groupBy: v.string(), count: v.number() })

function serverPage(json: string): void {
  const script = document.createElement('script')
  script.type = 'application/json'
  script.id = 'page-data'
  script.textContent = json
  document.head.append(script)
}

afterEach(() => {
  document.getElementById('page-data')?.remove()
  vi.restoreAllMocks()
})

describe('the data a server page carries for the app', () => {
  it('is handed over once, checked against the schema', () => {
    serverPage('{"groupBy":"agency","count":3,"extra":"\\u003c/script>"}')
    expect(takePageData(Schema)).toEqual({ groupBy: 'agency', count: 3 })
    // A later visit to the same route asks the BFF: the data was for the first page only.
    expect(takePageData(Schema)).toBeUndefined()
    expect(document.getElementById('page-data')).toBeNull()
  })

  it('is ignored (and the view asks the BFF) when absent, unreadable or of another shape', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(takePageData(Schema)).toBeUndefined()
    serverPage('{"groupBy":')
    expect(takePageData(Schema)).toBeUndefined()
    serverPage('{"groupBy":"agency","count":"3"}')
    expect(takePageData(Schema)).toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(2)
  })
})
