/** Cache-Control policies, set on successful answers only (errors stay `no-store`). */
import type { MiddlewareHandler } from 'hono'

const setOnSuccess =
  (value: string): MiddlewareHandler =>
  async (c, next) => {
    await next()
    if (c.res.ok) c.header('Cache-Control', value)
  }

/** Caches keep the answer but ask each time; an unchanged answer then costs a 304. */
export const revalidate = setOnSuccess('no-cache')

/** For files whose name changes with their content (hashed build assets). */
export const immutable = setOnSuccess('public, max-age=31536000, immutable')
