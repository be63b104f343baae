/**
 * One file up by tus (resumable): from the page, never the service worker (decision 6). The
 * upload's URL is kept in the outbox item (`onUrl`), so a reload or a restart resumes where the
 * bytes stopped; a URL the server no longer knows (partial uploads expire after 24 h) makes
 * tus-js-client start a new upload at the endpoint. tus-js-client retries a few times on its
 * own; past that the outbox's backoff takes over.
 */
import { Upload, type DetailedError, type HttpStack } from 'tus-js-client'

export const CHUNK_BYTES = 1024 * 1024

export interface UploadJob {
  blob: Blob
  sha256: string
  name: string
  type: string
  /** Absolute (tus-js-client resolves the server's relative Location against it). */
  endpoint: string
  /** Where a previous attempt left the bytes, if anywhere. */
  url?: string
  onUrl(url: string): void
  onProgress(sent: number, total: number): void
  /** Tests talk to a fake server through fetch; the app uses tus-js-client's XHR (byte progress). */
  httpStack?: HttpStack
}

/** Why an upload stopped: the server refused the file, wants a session, or could not be reached. */
export class UploadFailure extends Error {
  override name = 'UploadFailure'
  constructor(
    readonly kind: 'refused' | 'auth' | 'unreachable',
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function failure(error: Error): UploadFailure {
  const response = (error as DetailedError).originalResponse
  const status = response?.getStatus() ?? 0
  let message = error.message
  try {
    const problem = JSON.parse(response?.getBody() ?? '') as { detail?: string; title?: string }
    message = problem.detail ?? problem.title ?? message
  } catch {
    // not problem+json: keep tus-js-client's message
  }
  if (status === 401) return new UploadFailure('auth', status, message)
  if (status >= 400 && status < 500 && ![408, 409, 423, 429].includes(status)) return new UploadFailure('refused', status, message)
  return new UploadFailure('unreachable', status, message)
}

/**
 * `done` resolves when the server has every byte (and accepted the file); `abort()` stops it,
 * keeping what the server has for a later resume, and rejects `done`.
 */
export function uploadFile(job: UploadJob): { done: Promise<void>; abort(): void } {
  let upload: Upload
  let stop: (error: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    stop = reject
    upload = new Upload(job.blob, {
      endpoint: job.endpoint,
      uploadUrl: job.url ?? null,
      headers: { 'X-Requested-With': 'portal' },
      metadata: { sha256: job.sha256, filename: job.name, filetype: job.type },
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1_000, 3_000],
      // The URL lives in the outbox item (per dossier and account), not in localStorage.
      storeFingerprintForResuming: false,
      ...(job.httpStack ? { httpStack: job.httpStack } : {}),
      onUploadUrlAvailable: () => upload.url && job.onUrl(upload.url),
      onProgress: (sent, total) => job.onProgress(sent, total),
      onSuccess: () => resolve(),
      onError: (error) => reject(failure(error)),
    })
    upload.start()
  })
  return {
    done,
    abort() {
      void upload.abort()
      stop(new UploadFailure('unreachable', 0, 'aborted'))
    },
  }
}
