import { Writable } from 'node:stream'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createLogger, requestLogger } from './log.ts'

describe('request logging', () => {
  it('logs method, path, status and duration of each request', async () => {
    const lines: Record<string, unknown>[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()))
        done()
      },
    })
    const app = new Hono()
    app.use(requestLogger(createLogger('info', sink)))
    app.get('/ok', (c) => c.text('ok'))
    app.get('/boom', (c) => c.text('no', 503))
    await app.request('/ok?secret=1')
    await app.request('/boom')
    expect(lines[0]).toMatchObject({ level: 30, method: 'GET', path: '/ok', status: 200, msg: 'request' })
    expect(typeof lines[0]?.durationMs).toBe('number')
    expect(JSON.stringify(lines[0])).not.toContain('secret')
    expect(lines[1]).toMatchObject({ level: 50, path: '/boom', status: 503 })
  })
})
