/**
 * A constant-rate load generator (open loop, as wrk2 does): request i is due at
 * start + i / rate, whatever happened to the ones before it, and its latency is counted from
 * that due time to the end of its answer. A server that stalls therefore shows the whole stall
 * in the latency of every request that was due meanwhile (no coordinated omission), and a
 * request that waits for a free connection waits on the clock too. Connections are kept alive
 * and capped at `connections`, like a pool of clients behind a proxy.
 *
 * The first `warmupSeconds` run at the same rate and are not counted (as wrk2 calibrates before
 * it measures): the pool opens the connections the rate needs, and the server reaches the
 * steady state it is measured in, instead of meeting the whole rate cold at the first instant.
 */
import { Agent, request } from 'node:http'

export interface OpenLoopOptions {
  url: string
  /** Requests per second offered in all. */
  rate: number
  /** Measured seconds, after the warm-up. */
  seconds: number
  /** Seconds at the same rate before, not counted. Default 0. */
  warmupSeconds?: number
  connections: number
  request: (i: number) => { method: string; headers: Record<string, string>; body?: string }
}

export interface OpenLoopResult {
  /** Answers per second over the measured run (answers ÷ time from its first due time to the last answer). */
  achieved: number
  p50: number
  p99: number
  max: number
  total: number
  /** Over the warm-up and the measured run. */
  non2xx: number
  errors: number
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections })
  const target = new URL(options.url)
  const warmup = Math.round(options.rate * (options.warmupSeconds ?? 0))
  const count = warmup + Math.round(options.rate * options.seconds)
  const latencies: number[] = []
  let non2xx = 0
  let errors = 0
  let lastEnd = 0
  const start = performance.now() + 50
  const answers: Promise<void>[] = []

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const { method, headers, body } = options.request(i)
      const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers }, (res) => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++
        res.resume()
        res.on('end', () => {
          if (i >= warmup) {
            lastEnd = performance.now()
            latencies.push(lastEnd - due)
          }
          resolve()
        })
      })
      req.on('error', () => {
        errors++
        resolve()
      })
      req.end(body)
    })

  let next = 0
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now()
      while (next < count && start + (next * 1000) / options.rate <= now) {
        answers.push(send(next, start + (next * 1000) / options.rate))
        next++
      }
      if (next < count) setTimeout(tick, 1)
      else done()
    }
    setTimeout(tick, 50)
  })
  await Promise.all(answers)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    achieved: latencies.length / ((lastEnd - (start + (warmup * 1000) / options.rate)) / 1000),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    total: count - warmup,
    non2xx,
    errors,
  }
}
