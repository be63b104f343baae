/**
 * The real BFF for fault tests and server benches: started as e2e/support/server.ts starts it
 * (`node --import tsx src/server.ts`, a real port on 127.0.0.1, a DATA_DIR), but it can also be
 * killed with SIGKILL and started again on the same port and data (intake-kill), and people can
 * be signed in by writing their sessions straight into its database (as e2e/bench/session.ts
 * does: no provider needed). Plus what the tests read back: dossiers, their files, blobs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Accounts } from '../../bff/src/accounts/repository.ts'
import { SESSION_COOKIE } from '../../bff/src/auth/cookies.ts'
import { SessionStore } from '../../bff/src/auth/sessions.ts'
import { systemClock } from '../../bff/src/clock.ts'
import { openDatabase } from '../../bff/src/db/open.ts'
import { repoRoot } from '../support/server.ts'

export interface Bff {
  baseUrl: string
  port: number
  dataDir: string
  child: ChildProcess
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>
  /** SIGKILL now; resolves when the process is gone. */
  kill(): Promise<void>
  /** Everything the process printed. */
  output(): string
}

export async function startBff(port: number, dataDir: string, env: Record<string, string> = {}, { keepOutput = true } = {}): Promise<Bff> {
  const baseUrl = `http://127.0.0.1:${port}`
  // BFF_CPU_PROF_DIR=<dir>: a CPU profile of the BFF, written when it stops (benches).
  const profile = process.env.BFF_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BFF_CPU_PROF_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server.ts'], {
    cwd: join(repoRoot, 'bff'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_ORIGIN: baseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  // A bench at LOG_LEVEL=info logs a line per request: drained, not kept.
  child.stdout?.on('data', (d) => keepOutput && (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the BFF exited (${child.exitCode ?? child.signalCode}):\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the BFF did not answer /healthz within 60 s:\n${output}`)
    }
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    baseUrl,
    port,
    dataDir,
    child,
    output: () => output,
    async kill() {
      if (!gone()) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (!gone()) {
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (!gone()) child.kill('SIGKILL')
        await exited
      }
    },
  }
}

export const databaseFile = (dataDir: string) => join(dataDir, 'portal.sqlite')

export interface Citizen {
  sub: string
  userId: number
  cookie: string
}

/** Users with a live session each, written into the server's database (WAL: the server reads them at once). */
export function signInCitizens(bff: { baseUrl: string; dataDir: string }, subs: readonly string[]): Citizen[] {
  const db = openDatabase(databaseFile(bff.dataDir))
  try {
    const accounts = new Accounts(db)
    // Long idle and total lives: a bench or a test must not see its sessions expire.
    const sessions = new SessionStore(db, systemClock, { idleSeconds: 86_400, adminIdleSeconds: 300, maxSeconds: 7 * 86_400 })
    return db.transaction(() =>
      subs.map((sub, i) => {
        const user = accounts.ensureUser(`${bff.baseUrl}/idp`, sub, new Date(), { name: `Công dân ${i + 1}`, identity_number: String(19085004000 + i).padStart(12, '0') })
        const { secret } = sessions.create({ userId: user.id, mfa: false, idToken: 'fault-test', device: 'scripted client' })
        return { sub, userId: user.id, cookie: `${SESSION_COOKIE}=${secret}` }
      }),
    )
  } finally {
    db.$client.close()
  }
}

/** Communes whose people's committee is in the agency directory (commune-level procedures go there). */
export const communeCommittees: readonly { code: string; communeCode: string }[] = (
  JSON.parse(readFileSync(join(repoRoot, 'bff/src/catalog/seed/agencies.json'), 'utf8')) as { agencies: { code: string; kind: string; communeCode?: string }[] }
).agencies
  .filter((a) => a.kind === 'commune-committee' && typeof a.communeCode === 'string')
  .map((a) => ({ code: a.code, communeCode: a.communeCode! }))

/**
 * Procedures of the seed catalogue used here (default definitions, no electronic form):
 * - 1.001653 (Đổi, cấp lại Giấy xác nhận khuyết tật): commune level, one required component
 *   `c1` (the application, photographed or scanned), up to 5 files.
 * - 3.000182 (Tuyển sinh trung học cơ sở): commune level, no component: a dossier with no file.
 */
export const WITH_FILES = { code: '1.001653', componentId: 'c1', maxFiles: 5 } as const
export const WITHOUT_FILES = { code: '3.000182' } as const

export interface StoredDossier {
  id: string
  code: string
  agencyCode: string
  userId: number
  files: { sha256: string; size: number; position: number }[]
}

/** Every dossier in the database with its files (read-only, beside the running server or after it). */
export function readDossiers(dataDir: string): StoredDossier[] {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT id, code, agency_code AS agencyCode, user_id AS userId FROM dossiers ORDER BY seq').all() as Omit<StoredDossier, 'files'>[]
    const files = db.prepare('SELECT dossier_id AS dossierId, sha256, size, position FROM dossier_files ORDER BY dossier_id, position').all() as {
      dossierId: string
      sha256: string
      size: number
      position: number
    }[]
    const byDossier = new Map<string, StoredDossier['files']>()
    for (const f of files) {
      const list = byDossier.get(f.dossierId) ?? []
      list.push({ sha256: f.sha256, size: f.size, position: f.position })
      byDossier.set(f.dossierId, list)
    }
    return rows.map((r) => ({ ...r, files: byDossier.get(r.id) ?? [] }))
  } finally {
    db.close()
  }
}

/** SHA-256 of the blob store's file for `sha256` (DATA_DIR/blobs/<aa>/<sha256>), or undefined if absent. */
export function blobDigest(dataDir: string, sha256: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(join(dataDir, 'blobs', sha256.slice(0, 2), sha256)))
      .digest('hex')
  } catch {
    return undefined
  }
}

/** Number part of a dossier code (`<agency>-YYMMDD-NNNN`), with its agency and day. */
export function parseCode(code: string): { agency: string; day: string; number: number } {
  const m = /^(.+)-(\d{6})-(\d{4,})$/.exec(code)
  if (!m) throw new Error(`not a dossier code: ${code}`)
  return { agency: m[1]!, day: m[2]!, number: Number(m[3]) }
}

/** Codes that are not 1..n per agency and day (gaps or repeats), as messages. */
export function codeGaps(codes: readonly string[]): string[] {
  const groups = new Map<string, number[]>()
  for (const code of codes) {
    const { agency, day, number } = parseCode(code)
    const key = `${agency}-${day}`
    groups.set(key, [...(groups.get(key) ?? []), number])
  }
  const problems: string[] = []
  for (const [key, numbers] of groups) {
    numbers.sort((a, b) => a - b)
    numbers.forEach((n, i) => {
      if (n !== i + 1) problems.push(`${key}: expected number ${i + 1}, found ${n}`)
    })
  }
  return problems
}
