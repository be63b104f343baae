/**
 * The baseline of the 'intake' bench: a bare Hono JSON route on @hono/node-server, in its own
 * process like the BFF. POST /json parses the body and answers a small JSON object; nothing
 * else (no middleware, no logging, no database). Prints its port on stdout.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.post('/json', async (c) => {
  const body = (await c.req.json()) as { id?: string }
  return c.json({ id: body.id, ok: true }, 201)
})
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(String(info.port)))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
