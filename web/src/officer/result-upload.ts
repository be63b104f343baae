/**
 * The result file an officer returns (Đã trả kết quả): checked by its first bytes (PDF, JPEG or
 * PNG — what an applicant's phone opens), at most the file limit, hashed, and uploaded by tus
 * like the applicant's files (outbox/upload.ts). The action then names it by its SHA-256; the
 * server accepts only bytes this officer uploaded.
 */
import type { FileType } from '@portal/shared/forms/definition'
import { FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { sha256Hex } from '../files/hash.ts'
import { sniff } from '../files/sniff.ts'
import { uploadFile, type UploadJob } from '../outbox/upload.ts'

const RESULT_TYPES: readonly FileType[] = ['application/pdf', 'image/jpeg', 'image/png']

export type ResultCheck = { ok: true; type: FileType } | { ok: false; key: 'resultType' | 'resultSize' }

/** Whether a picked file can be a result (its bytes, not its name, say what it is). */
export async function checkResultFile(file: Blob): Promise<ResultCheck> {
  const type = await sniff(file)
  if (!type || !RESULT_TYPES.includes(type)) return { ok: false, key: 'resultType' }
  if (file.size > FILE_LIMIT_BYTES) return { ok: false, key: 'resultSize' }
  return { ok: true, type }
}

/**
 * Uploads a checked file; resolves with its SHA-256 once the server has every byte. Rejects with
 * an `UploadFailure` (refused, session gone, unreachable).
 */
export async function uploadResult(
  file: File,
  type: FileType,
  onProgress: (percent: number) => void,
  options: Pick<UploadJob, 'httpStack'> & { origin?: string } = {},
): Promise<string> {
  const sha256 = await sha256Hex(file)
  const upload = uploadFile({
    blob: file,
    sha256,
    name: file.name || 'ket-qua',
    type,
    endpoint: new URL('/api/uploads/', options.origin ?? location.origin).href,
    // Not resumed across reloads: the officer is at the screen and picks the file again.
    onUrl: () => undefined,
    onProgress: (sent, total) => onProgress(total ? Math.floor((sent / total) * 100) : 0),
    ...(options.httpStack ? { httpStack: options.httpStack } : {}),
  })
  await upload.done
  return sha256
}
