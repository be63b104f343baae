// Bundled by esbuild into the page for the drafts save bench: the app's own database and save.
import { openPortalDb } from '../../web/src/db.ts'
import { saveChanges } from '../../web/src/drafts/save.ts'

async function measureSaves(fields: number, saves: number): Promise<number[]> {
  const db = await openPortalDb('bench-drafts')
  const values = Object.fromEntries(Array.from({ length: fields }, (_, i) => [`f${i}`, `Giá trị của trường số ${i}`]))
  const fieldTimes = Object.fromEntries(Object.keys(values).map((k) => [k, 1]))
  await db.drafts.put({ id: 'd', procedureCode: '1.001193', title: 'Bench', status: 'editing', values, fieldTimes, createdAt: 1, updatedAt: 1 })
  const times: number[] = []
  for (let i = 0; i < saves; i++) {
    const start = performance.now()
    // The promise settles once the read-write transaction has committed.
    await saveChanges(db, 'd', [{ path: `f${i % fields}`, value: `Nguyễn Văn ${i}`, time: Date.now() + i }])
    times.push(performance.now() - start)
  }
  db.close()
  return times
}

;(globalThis as unknown as { measureSaves: typeof measureSaves }).measureSaves = measureSaves
