/**
 * Test helpers of intake: file bytes of each type, a tus upload through `app.request` (the
 * protocol by hand: POST then PATCH), and valid submissions for the fixture catalogue.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import type { DossierSubmission } from '@portal/shared/dossiers/schema'
import type { FileType } from '@portal/shared/forms/definition'
import type { TestPerson } from '../auth/testing/sessions.ts'
import { birth, catalogInput, criminalRecord, landUse, procedure } from '../testing/fixtures.ts'

/** A commune-level procedure with no electronic form: one required file component, c1. */
export const communeCertificate = procedure({ code: '1.000001', name: 'Chứng thực bản sao từ bản chính' })

export const intakeCatalog = () => catalogInput([birth, criminalRecord, landUse, communeCertificate])

const MAGIC: Record<FileType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/heic': Buffer.from([0x00, 0x00, 0x00, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]),
  'application/pdf': Buffer.from('%PDF-1.7\n'),
}

/** `size` bytes that start like a file of `type`, the rest derived from `seed`. */
export function fileBytes(type: FileType, size = 2048, seed = 'x'): Buffer {
  const out = Buffer.alloc(size)
  MAGIC[type].copy(out)
  const fill = Buffer.from(`${seed}:`.repeat(Math.ceil(size / (seed.length + 1))))
  fill.copy(out, MAGIC[type].length, 0, size - MAGIC[type].length)
  return out
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

export interface TusOptions {
  type?: FileType
  name?: string
  /** Declared hash (default: the real one). */
  declared?: string
  length?: number
}

/** Creates an upload; returns the response and the upload's path (from Location). */
export async function createUpload(app: Hono, person: TestPerson, bytes: Buffer, o: TusOptions = {}) {
  const res = await app.request('/api/uploads', {
    method: 'POST',
    headers: {
      ...person.headers,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(o.length ?? bytes.length),
      'Upload-Metadata': `sha256 ${b64(o.declared ?? sha256(bytes))},filename ${b64(o.name ?? 'giay-to.jpg')},filetype ${b64(o.type ?? 'image/jpeg')}`,
    },
  })
  return { res, path: res.headers.get('Location') ?? '' }
}

export async function patchUpload(app: Hono, person: TestPerson, path: string, bytes: Buffer, offset = 0) {
  return app.request(path, {
    method: 'PATCH',
    headers: { ...person.headers, 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(bytes.length) },
    body: bytes,
  })
}

/** Uploads `bytes` whole; returns the final PATCH answer. */
export async function upload(app: Hono, person: TestPerson, bytes: Buffer, o: TusOptions = {}) {
  const created = await createUpload(app, person, bytes, o)
  if (created.res.status !== 201) return { res: created.res, path: created.path }
  return { res: await patchUpload(app, person, created.path, bytes), path: created.path }
}

export interface FileRef {
  sha256: string
  size: number
  type: FileType
  name: string
}

export function ref(bytes: Buffer, type: FileType = 'image/jpeg', name = 'giay-to.jpg'): FileRef {
  return { sha256: sha256(bytes), size: bytes.length, type, name }
}

/** A valid submission for the province-level criminal record procedure (agency 000.00.01.H55). */
export function provinceSubmission(files: FileRef[], over: Partial<DossierSubmission> = {}): DossierSubmission {
  return {
    id: randomUUID(),
    procedureCode: criminalRecord.code,
    form: {},
    components: [{ componentId: 'c1', files }],
    resultDelivery: { method: 'at-agency' },
    ...over,
  }
}

/** A valid submission for the commune-level procedure at a commune of the directory. */
export function communeSubmission(files: FileRef[], communeCode: '05440' | '05443', over: Partial<DossierSubmission> = {}): DossierSubmission {
  return provinceSubmission(files, { procedureCode: communeCertificate.code, communeCode, ...over })
}

export function post(app: Hono, person: TestPerson, body: unknown) {
  return app.request('/api/dossiers', { method: 'POST', headers: person.headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
}
