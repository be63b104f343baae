/**
 * The built web app: files from WEB_DIST, and the app shell for client-side routes.
 *
 * Caching: /assets/* have content hashes in their names, so they are immutable for a year;
 * everything else (sw.js above all, the manifest, icons) is revalidated on every use with an
 * ETag per representation, so an app update reaches users at their next visit. Precompressed
 * .br/.gz files written by the web build are served when the client accepts them.
 *
 * SPA fallback: a browser navigation (GET, Accept: text/html) to a path that is not the API,
 * auth or health, and does not look like a file, gets the app shell. robots.txt, sitemap.xml
 * and manifest.webmanifest look like files, so they never get the shell.
 */
import { existsSync } from 'node:fs'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { immutable, revalidate } from '../http/cache-control.ts'
import { notFound } from '../http/problem.ts'
import type { Template } from '../pages/template.ts'

const MACHINE_PATH = /^\/(api|auth|healthz)(\/|$)/
/** A last segment with a dot: a file, never a client-side route. */
const FILE_LIKE = /\.[^/]*$/

function isAppNavigation(c: Context): boolean {
  const path = c.req.path
  if (MACHINE_PATH.test(path) || FILE_LIKE.test(path)) return false
  return c.req.header('Accept')?.includes('text/html') ?? false
}

export function staticRoutes(webDist: string, template: Template) {
  const app = new Hono()

  // The raw index.html holds the server-page placeholders: it is only ever served as the shell.
  app.get('/index.html', compress(), etag({ weak: true }), revalidate, (c) => c.html(template.shell))

  if (existsSync(webDist)) {
    const files = serveStatic({ root: webDist, precompressed: true })
    app.get('/assets/*', immutable, files)
    // etag hashes each representation's bytes: .br, .gz and plain files get distinct tags.
    app.get('*', etag(), revalidate, files)
  }

  app.get('*', compress(), etag({ weak: true }), revalidate, (c) => {
    if (!isAppNavigation(c)) throw notFound()
    return c.html(template.shell)
  })

  return app
}
