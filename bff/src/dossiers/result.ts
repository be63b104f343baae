/**
 * The dossier's result file as the applicant downloads it. The life state names the file by its
 * SHA-256 (`resultFile`, set by the returnResult step); its name, type and size are what the
 * one-stop-shop recorded with it: the embedded system in `onestop_files` (role 'result', the
 * officer's upload, its bytes already in the shared blob store), a province's system over HTTP
 * in its returnResult event (`relay_result_files`; the bytes are fetched from the province,
 * result-fetch.ts). With neither, the result is not offered for download.
 *
 * `Repr-Digest` (RFC 9530) carries the same SHA-256, in base64 as structured fields require, so
 * the phone checks what it keeps against it.
 */
import type { Db } from '../db/open.ts'

export interface ResultFile {
  sha256: string
  name: string
  type: string
  size: number
}

/** RFC 9530 `Repr-Digest` for a SHA-256 given in hex. */
export const reprDigest = (sha256Hex: string) => `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`

/** RFC 6266: an ASCII fallback and the UTF-8 name (Vietnamese file names). */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export class ResultFiles {
  readonly #find

  constructor(db: Db) {
    this.#find = db.$client.prepare(
      `SELECT sha256, name, type, size FROM onestop_files WHERE dossier_id = :dossierId AND sha256 = :sha256 AND role = 'result'
       UNION ALL SELECT sha256, name, type, size FROM relay_result_files WHERE dossier_id = :dossierId AND sha256 = :sha256
       LIMIT 1`,
    )
  }

  find(dossierId: string, sha256: string): ResultFile | undefined {
    return this.#find.get({ dossierId, sha256 }) as ResultFile | undefined
  }
}
