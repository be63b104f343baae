import { createPinia, setActivePinia } from 'pinia'
import { beforeAll, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { portalDb } from '../db.ts'
import { catalogFixture } from './fixtures.ts'
import { replaceCatalog } from './local.ts'
import { useProcedureSearch } from './search.ts'
import { useCatalogStore } from './store.ts'

beforeAll(async () => {
  setActivePinia(createPinia())
  await replaceCatalog(await portalDb(), catalogFixture, undefined, 0)
  await useCatalogStore().refresh()
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('search as you type', () => {
  it('finds procedures without diacritics, debounced, through the shared index', async () => {
    const query = ref('')
    const search = effectScope().run(() => useProcedureSearch(query))!
    expect(search.state.value).toBe('idle')
    query.value = 'dang ky khai sinh'
    await nextTick()
    await until(() => search.state.value === 'done')
    expect(search.hits.value[0]).toMatchObject({ code: '1.001193', field: 'ho-tich', level: 'commune' })
    query.value = 'ket hon'
    await until(() => search.hits.value[0]?.code === '1.000894')
    expect(search.hits.value[0]?.code).toBe('1.000894')
    query.value = ' '
    await until(() => search.state.value === 'idle')
    expect(search.hits.value).toEqual([])
  })
})
