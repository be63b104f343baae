import { describe, expect, it } from 'vitest'
import { FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { sha256Hex } from '../files/hash.ts'
import { fakeServer, fetchHttpStack, ORIGIN } from '../outbox/testing.ts'
import { UploadFailure } from '../outbox/upload.ts'
import { checkResultFile, uploadResult } from './result-upload.ts'

// The result an officer returns: checked by its bytes, then uploaded by tus (against the fake
// BFF of the outbox tests, which checks the SHA-256 at the end as the real one does).

const pdf = (size = 2000) => {
  const bytes = new Uint8Array(size).fill(0x20)
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return new File([bytes], 'giay-khai-sinh.pdf', { type: 'application/pdf' })
}

describe('the result file', () => {
  it('is a PDF, JPEG or PNG by its first bytes, within the size limit', async () => {
    expect(await checkResultFile(pdf())).toEqual({ ok: true, type: 'application/pdf' })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expect(await checkResultFile(new File([png], 'ket-qua.png'))).toEqual({ ok: true, type: 'image/png' })
    // Named .pdf, but text: refused.
    expect(await checkResultFile(new File(['Kết quả'], 'ket-qua.pdf', { type: 'application/pdf' }))).toEqual({ ok: false, key: 'resultType' })
    expect(await checkResultFile(pdf(FILE_LIMIT_BYTES + 1))).toEqual({ ok: false, key: 'resultSize' })
  })

  it('goes up by tus and is named by its SHA-256, with progress to 100 %', async () => {
    const server = fakeServer()
    const file = pdf(3 * 1024 * 1024)
    const progress: number[] = []
    const sha256 = await uploadResult(file, 'application/pdf', (p) => progress.push(p), { httpStack: fetchHttpStack(server.fetch), origin: ORIGIN })
    expect(sha256).toBe(await sha256Hex(file))
    expect([...server.uploads.values()]).toEqual([expect.objectContaining({ sha256, type: 'application/pdf', complete: true })])
    expect(progress.at(-1)).toBe(100)
  })

  it('a file the server refuses fails with the server’s reason', async () => {
    const server = fakeServer()
    const file = pdf()
    server.refuse.add(await sha256Hex(file))
    const failed = uploadResult(file, 'application/pdf', () => undefined, { httpStack: fetchHttpStack(server.fetch), origin: ORIGIN })
    await expect(failed).rejects.toBeInstanceOf(UploadFailure)
    await expect(failed).rejects.toMatchObject({ kind: 'refused', status: 422 })
  })
})
