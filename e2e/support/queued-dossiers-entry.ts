// Bundled by esbuild into the app's page (queued-dossiers.ts): ready drafts with photos, queued
// in the outbox by the app's own code, as the app's screens would leave them.
import type { ImageReply, ImageRequest } from '../../web/src/files/image.worker.ts'
import { readAgencies } from '../../web/src/catalog/agencies.ts'
import { openPortalDb, type PortalDb } from '../../web/src/db.ts'
import { createDraft, setDraftStatus } from '../../web/src/drafts/repository.ts'
import { saveChanges } from '../../web/src/drafts/save.ts'
import { addFile } from '../../web/src/files/store.ts'
import { choiceForm, choiceOf, defaultChoice } from '../../web/src/outbox/choice.ts'
import { flushOutbox } from '../../web/src/outbox/flush.ts'
import { queueSubmission } from '../../web/src/outbox/queue.ts'
import { dossierDefinitionFor } from '@portal/shared/forms/registry'
import type { QueueRequest, QueuedDossier } from './queued-dossiers.ts'

/** A small, seeded PRNG (mulberry32): the same request makes the same photos. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A picked photo: a canvas JPEG of a gradient with sensor-like noise, whose strength varies from
 * photo to photo so that the stored sizes spread (about 310–550 KB) as real photos' do.
 */
async function cameraPhoto(seed: number): Promise<Blob> {
  const next = random(seed)
  const [width, height] = [2000, 1500]
  const canvas = new OffscreenCanvas(width, height)
  const g = canvas.getContext('2d')!
  const hue = Math.floor(next() * 360)
  const gradient = g.createLinearGradient(0, 0, width, height)
  gradient.addColorStop(0, `hsl(${hue} 40% 85%)`)
  gradient.addColorStop(1, `hsl(${(hue + 90) % 360} 35% 45%)`)
  g.fillStyle = gradient
  g.fillRect(0, 0, width, height)
  const image = g.getImageData(0, 0, width, height)
  const amplitude = 11 + next() * 8
  const data = image.data
  for (let i = 0; i < data.length; i += 4) {
    const v = (next() - 0.5) * 2 * amplitude
    data[i]! += v
    data[i + 1]! += v
    data[i + 2]! += v
  }
  g.putImageData(image, 0, 0)
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })
}

/** The app's image worker (its built script, `workerUrl`): downscaled, re-encoded, with a preview. */
function imageProcessor(workerUrl: string) {
  const worker = new Worker(workerUrl, { type: 'module' })
  let nextId = 1
  const pending = new Map<number, (reply: ImageReply) => void>()
  worker.onmessage = (event: MessageEvent<ImageReply>) => pending.get(event.data.id)?.(event.data)
  return {
    process(blob: Blob) {
      const id = nextId++
      return new Promise<{ blob: Blob; width: number; height: number; preview: Blob }>((resolve, reject) => {
        pending.set(id, (reply) => {
          pending.delete(id)
          if (reply.ok) resolve({ blob: reply.blob, width: reply.width, height: reply.height, preview: reply.preview })
          else reject(new Error(`the image worker failed: ${reply.message}`))
        })
        worker.postMessage({ id, blob } satisfies ImageRequest)
      })
    },
    close: () => worker.terminate(),
  }
}

async function queueDossiers(request: QueueRequest): Promise<QueuedDossier[]> {
  // Online, the flush pass below would send them with this bundle's copy of the code, not the app's.
  if (navigator.onLine) throw new Error('queue dossiers with the page offline')
  const db: PortalDb = await openPortalDb()
  const images = imageProcessor(request.imageWorkerUrl)
  try {
    const procedure = await db.procedures.get(request.procedureCode)
    const agencies = (await readAgencies(db))?.agencies
    if (!procedure || !agencies) throw new Error('the catalogue and the agency directory must be on the device first')
    const definition = await dossierDefinitionFor(procedure)
    const rule = definition.components.find((c) => c.id === request.componentId)
    if (!rule) throw new Error(`no component ${request.componentId} in ${request.procedureCode}`)
    const queued: QueuedDossier[] = []
    for (let d = 0; d < request.count; d++) {
      // As the editor does: a new draft (the signed-in person's, as prefill or signing in makes
      // it), the answers saved as changes, the photos picked on the attachments step, then
      // "ready" on the check step.
      const draft = { procedureCode: procedure.code, title: `${request.title} ${d + 1}`, formVersion: definition.form?.version, ownerSub: request.account.sub }
      const id = await createDraft(db, draft)
      await saveChanges(db, id, Object.entries(request.values).map(([path, value]) => ({ path, value, time: Date.now() })))
      const files: QueuedDossier['files'] = []
      for (let p = 0; p < request.photos; p++) {
        const photo = new File([await cameraPhoto(request.seed * 1_000_003 + d * 101 + p)], `giay-chung-sinh-${p + 1}.jpg`, { type: 'image/jpeg' })
        const added = await addFile(db, id, rule.id, photo, rule, { process: images.process })
        if (!added.ok) throw new Error(`photo ${p + 1} of dossier ${d + 1} refused: ${added.problem.code}`)
        files.push({ sha256: added.file.sha256, size: added.file.size })
      }
      await setDraftStatus(db, id, 'ready')
      // As the submit step does with its starting answers (the commune of the applicant's address).
      const { values } = (await db.drafts.get(id))!
      const choice = choiceOf(defaultChoice(definition, values, choiceForm(procedure, agencies)))
      const item = await queueSubmission(db, id, definition, choice, request.account)
      queued.push({ id, files, bodyBytes: new TextEncoder().encode(JSON.stringify(item.payload)).length })
    }
    // "Nộp hồ sơ" asks for a flush pass at once; offline it finds no server and every item
    // waits for the network (the scheduler's pass, without its retry timer).
    await navigator.locks.request('portal-outbox', () => flushOutbox({ db, fetch: (input, init) => fetch(input, init), origin: location.origin, now: Date.now, random: Math.random, force: true }))
    return queued
  } finally {
    images.close()
    db.close()
  }
}

;(globalThis as unknown as { queueDossiers: typeof queueDossiers }).queueDossiers = queueDossiers
