import { createPinia, setActivePinia } from 'pinia'
import { beforeAll, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { portalDb } from '../db.ts'
import { catalogFixture } from './fixtures.ts'
import { replaceCatalog } from './local.ts'
import { useProcedureSearch } from './search.ts'
import { useCatalogStore } from './store.ts'
import { eventually } from '../testing.ts'

beforeAll(async () => {
  setActivePinia(createPinia())
  await replaceCatalog(await portalDb(), catalogFixture, undefined, 0)
  await useCatalogStore().refresh()
})

describe('search as you type', () => {
  it('finds procedures without diacritics, debounced, through the shared index', async () => {
    const query = ref('')
    const search = effectScope().run(() => useProcedureSearch(query))!
    expect(search.state.value).toBe('idle')
    query.value = 'dang ky khai sinh'
    await nextTick()
    await eventually(() => expect(search.state.value).toBe('done'))
    expect(search.hits.value[0]).toMatchObject({ code: '1.001193', field: 'ho-tich', level: 'commune' })
    query.value = 'ket hon'
    await eventually(() => expect(search.hits.value[0]?.code).toBe('1.000894'))
    query.value = ' '
    await eventually(() => expect(search.state.value).toBe('idle'))
    expect(search.hits.value).toEqual([])
  })
})
