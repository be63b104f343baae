/**
 * Content-coding negotiation and conditional-request matching for the bodies we compress
 * ourselves (representation.ts).
 */

export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * Picks the coding with the highest q-value among br and gzip (br on a tie: smaller); identity
 * when neither is acceptable. `*` counts for a coding not named.
 *
 * @example chooseEncoding('gzip, deflate, br') === 'br'; chooseEncoding('br;q=0, gzip') === 'gzip'
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  const q = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name.trim(), Number.isFinite(value) ? value : 0)
  }
  const weight = (coding: string) => q.get(coding) ?? q.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}

/**
 * True when `If-None-Match` matches `etag` by weak comparison (RFC 9110 §13.1.2): `*`, or any
 * listed tag with the same opaque value, with or without `W/`.
 *
 * @example ifNoneMatchHits('W/"a", "b-br"', '"b-br"') === true
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  const tags: string[] = ifNoneMatch.match(/"[^"]*"/g) ?? []
  return tags.includes(opaque)
}
