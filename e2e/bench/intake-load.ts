/**
 * The intake bench's request (a new dossier, no file, over the 92 communes) and its steady run
 * in a process of its own: `node --import tsx e2e/bench/intake-load.ts '<SteadyJob JSON>'` prints
 * the OpenLoopResult as JSON. In the bench's own process the load generator would share a heap
 * (and its garbage collections) with everything the benches before it left there, and its pauses
 * would be counted as the BFF's latency.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { communeCommittees, WITHOUT_FILES } from '../faults/bff.ts'
import { repoRoot } from '../support/server.ts'
import { openLoop, type OpenLoopResult } from './open-loop.ts'

export function dossierBody(i: number): string {
  const commune = communeCommittees[i % communeCommittees.length]!
  return JSON.stringify({ id: randomUUID(), procedureCode: WITHOUT_FILES.code, communeCode: commune.communeCode, form: {}, components: [], resultDelivery: { method: 'at-agency' } })
}

export interface SteadyJob {
  baseUrl: string
  /** Session cookies, used in turn. */
  cookies: string[]
  rate: number
  seconds: number
  warmupSeconds: number
  connections: number
}

function run(job: SteadyJob): Promise<OpenLoopResult> {
  let n = 0
  return openLoop({
    url: `${job.baseUrl}/api/dossiers`,
    rate: job.rate,
    seconds: job.seconds,
    warmupSeconds: job.warmupSeconds,
    connections: job.connections,
    request: () => {
      const i = n++
      return { method: 'POST', headers: { cookie: job.cookies[i % job.cookies.length]!, origin: job.baseUrl, 'x-requested-with': 'portal', 'content-type': 'application/json' }, body: dossierBody(i) }
    },
  })
}

/** Runs `job` in a child process and resolves with its result. */
export function steadyInChild(job: SteadyJob): Promise<OpenLoopResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'e2e/bench/intake-load.ts'), JSON.stringify(job)], { cwd: join(repoRoot, 'e2e'), stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += String(d)))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as OpenLoopResult) : reject(new Error(`the steady load exited with ${code}`))))
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2] ?? '{}') as SteadyJob)))
}
