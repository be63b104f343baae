/** Reading what the app stored on the device, straight from IndexedDB, for drafts journeys. */
import type { Page } from 'playwright-core'

export interface StoredDraft {
  id: string
  title: string
  status: string
  values: Record<string, unknown>
  /** Each file's name and the SHA-256 of its stored bytes, computed now in the page. */
  files: { name: string; sha256: string; recorded: string; size: number }[]
}

/** The draft and its files as stored, with every file's bytes hashed again. */
export function readStoredDraft(page: Page, id: string): Promise<StoredDraft | null> {
  return page.evaluate(async (draftId) => {
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
    const draft = await read<StoredDraft | undefined>('drafts', (s) => s.get(draftId))
    const rows = await read<{ name: string; sha256: string; size: number; blob: Blob }[]>('files', (s) => s.index('draftId').getAll(draftId))
    db.close()
    if (!draft) return null
    const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')
    const files = await Promise.all(
      rows.map(async (row) => ({ name: row.name, recorded: row.sha256, size: row.size, sha256: hex(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer())) })),
    )
    return { id: draft.id, title: draft.title, status: draft.status, values: draft.values, files: files.sort((a, b) => a.sha256.localeCompare(b.sha256)) }
  }, id)
}

/** A real JPEG photo (a drawing with noise, so each differs), encoded by the browser's canvas. */
export async function makeJpeg(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (n) => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const g = canvas.getContext('2d')!
    g.fillStyle = `hsl(${n * 67} 60% 70%)`
    g.fillRect(0, 0, 640, 480)
    for (let i = 0; i < 200; i++) {
      g.fillStyle = `hsl(${(i * 37 + n * 11) % 360} 70% 40%)`
      g.fillRect((i * 53 * (n + 1)) % 640, (i * 29) % 480, 20, 20)
    }
    const blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/jpeg', 0.9))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return btoa(binary)
  }, seed)
  return Buffer.from(base64, 'base64')
}
