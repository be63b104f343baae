/** Reading the app's IndexedDB (`portal`) from a test, in the page, as the app stored it. */
import type { Page } from 'playwright-core'

/** One row of `table` by its key, or undefined. */
export function storedRow<T>(page: Page, table: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    async ({ table, key }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('portal')
        open.onsuccess = () => ok(open.result)
        open.onerror = () => fail(open.error)
      })
      const row = await new Promise<unknown>((ok, fail) => {
        const request = db.transaction(table).objectStore(table).get(key)
        request.onsuccess = () => ok(request.result)
        request.onerror = () => fail(request.error)
      })
      db.close()
      return row as never
    },
    { table, key },
  )
}
