import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readDossiers } from '../faults/bff.ts'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { birthAnswers, readOutboxItem, readyBirthDraft } from '../support/outbox.ts'
import { queueDossiers } from '../support/queued-dossiers.ts'
import { startApp, type RunningApp } from '../support/server.ts'

interface Rows {
  draft: Record<string, unknown>
  files: Record<string, unknown>[]
  outbox: Record<string, unknown>
}

/** A dossier's rows as stored (Blobs as their size and type). */
function readRows(page: Page, id: string): Promise<Rows> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('portal')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const read = <T>(store: string, query: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((ok, fail) => {
        const request = query(db.transaction(store).objectStore(store))
        request.onsuccess = () => ok(request.result as T)
        request.onerror = () => fail(request.error)
      })
    const draft = await read<Record<string, unknown>>('drafts', (s) => s.get(key))
    const files = await read<Record<string, unknown>[]>('files', (s) => s.index('draftId').getAll(key))
    const outbox = await read<Record<string, unknown>>('outbox', (s) => s.get(key))
    db.close()
    const plain = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Blob ? { blob: v.type } : v]))
    return { draft, files: files.map(plain), outbox }
  }, id)
}

/**
 * What must be the same whichever way a dossier was queued: every key, every value, except
 * the identities (ids, hashes), times, sizes and pixel dimensions of the photos, the title, the
 * count of offline passes that found no network (the app's retry timer adds some while the
 * page is open), and the step the editor remembers for reopening the draft (set by the screens,
 * read by nothing else).
 */
function shape(rows: Rows, id: string): unknown {
  const hashes = new Set(rows.files.map((f) => f.sha256 as string))
  const walk = (value: unknown, key = ''): unknown => {
    if (value === id || (typeof value === 'string' && hashes.has(value))) return `<${key || 'key'}>`
    if (['size', 'total', 'width', 'height', 'title', 'id', 'attempts', 'createdAt', 'updatedAt', 'queuedAt', 'nextAttemptAt'].includes(key)) return `<${key}>`
    if (Array.isArray(value)) return value.map((v) => walk(v))
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([k]) => k !== 'step')
      return Object.fromEntries(entries.map(([k, v], i) => (hashes.has(k) ? [`<sha256 ${i}>`, walk(v)] : [k, key === 'fieldTimes' ? '<time>' : walk(v, k)])))
    }
    return value
  }
  return walk({ ...rows, files: [...rows.files].sort((a, b) => String(a.name).localeCompare(String(b.name))) })
}

// The reconnect bench queues its dossiers with support/queued-dossiers.ts (the app's code bundled
// into the page). Here a dossier queued that way is checked against one queued through the app's
// own "Nộp hồ sơ" button, row by row, and both are then sent by the app once online.
describe('dossiers queued for the reconnect bench', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('are stored as "Nộp hồ sơ" stores them, with distinct photos of a real size, and the app sends them', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    const user = await page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { user: { sub: string; name: string } }).user)
    const id = await readyBirthDraft(page, app.baseUrl)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByText('Đang chờ mạng').waitFor()
    await expect.poll(() => readOutboxItem(page, id)).toMatchObject({ waiting: 'network' })
    const byButton = await readRows(page, id)

    const queued = await queueDossiers(page, { count: 2, photos: 2, procedureCode: '1.001193', componentId: 'c6', values: birthAnswers(), title: 'Khai sinh', account: { sub: user.sub, name: user.name }, seed: 7 })
    const byHelper = await readRows(page, queued[0]!.id)
    expect(shape(byHelper, queued[0]!.id)).toEqual(shape(byButton, id))
    expect(byHelper.outbox).toMatchObject({ state: 'queued', waiting: 'network', attempts: expect.any(Number), accountSub: user.sub, accountName: CITIZEN.name })
    expect(byHelper.outbox.attempts).toBeGreaterThanOrEqual(1)
    expect(queued[0]!.bodyBytes).toBe(new TextEncoder().encode(JSON.stringify(byHelper.outbox.payload)).length)
    const photos = queued.flatMap((d) => d.files)
    expect(new Set(photos.map((f) => f.sha256)).size).toBe(4)
    for (const { size } of photos) expect(size).toSatisfy((n: number) => n >= 300_000 && n <= 600_000)

    await context.setOffline(false)
    for (const key of [id, ...queued.map((d) => d.id)]) await expect.poll(() => readOutboxItem(page, key).then((item) => item?.state), { timeout: 60_000 }).toBe('done')
    const stored = new Map(readDossiers(app.dataDir).map((d) => [d.id, d]))
    for (const dossier of queued) expect(stored.get(dossier.id)?.files.map((f) => f.sha256).sort()).toEqual(dossier.files.map((f) => f.sha256).sort())
    await context.close()
  })
})
