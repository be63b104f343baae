/**
 * Why a file was not added, as data: the store returns these (it never throws at the UI), and
 * the component turns each into a plain sentence (i18n `files.problem.<code>`). In every case
 * the files already saved stay as they were: a refused file writes nothing.
 */
export type FileProblemCode =
  /** Over the per-file limit (stored bytes), or an image too big to open on a phone. */
  | 'too-large'
  /** The dossier's files plus this one would pass 50 MB; `left` says how much room remains. */
  | 'dossier-full'
  /** The component already holds its maximum number of files. */
  | 'too-many'
  /** The same bytes are already attached to this component. */
  | 'duplicate'
  /** Not JPEG, PNG, HEIC or PDF by its first bytes, or a type this component does not take. */
  | 'unsupported-type'
  /** A HEIC photo this browser cannot decode (every browser but Safari). */
  | 'undecodable-heic'
  /** The file could not be read, or its image data is damaged. */
  | 'unreadable'
  /** The browser could not process images (old browser, out of memory). */
  | 'cannot-process'
  /** Storage is full (QuotaExceededError). */
  | 'device-full'
  /** Any other storage failure. */
  | 'save-failed'

export interface FileProblem {
  code: FileProblemCode
  /** The picked file's name, to say which one of several was refused. */
  name: string
  /** Bytes: the file's size for `too-large`. */
  size?: number
  /** Bytes: the limit that was passed. */
  limit?: number
  /** Bytes still free in the dossier, for `dossier-full`. */
  left?: number
  /** The component's maximum, for `too-many`. */
  max?: number
}

/** A QuotaExceededError anywhere in an error's chain (Dexie wraps the DOMException in `inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 5; e = e.inner as typeof e, depth++) {
    if (e.name === 'QuotaExceededError') return true
  }
  return false
}
