/**
 * A file's identity: the SHA-256 of the bytes stored on the device (design decision 7), as
 * lowercase hex. Computed over the stored Blob, after downscaling, so the server can check the
 * same bytes when they arrive and recognise them when the same file is attached again.
 *
 * `crypto.subtle` exists only in a secure context: HTTPS, and http://localhost or 127.0.0.1 in
 * development. Served over plain HTTP from another host it is undefined, and adding a file
 * fails with a clear error rather than storing a file without its hash.
 */

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error('crypto.subtle is unavailable (not a secure context: use HTTPS or localhost)')
  const digest = await crypto.subtle.digest('SHA-256', data instanceof ArrayBuffer ? data : await data.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
