/**
 * What both fault tests do: plan N dossiers from a seed (citizen, commune, 1–3 files of random
 * bytes), send them with the scripted client a few at a time, and check the server afterwards:
 * every dossier exactly once with the code its client was given, its files in order, each
 * file's bytes in the blob store with the right SHA-256, codes unique and gapless per agency
 * and day.
 */
import { createClient, randomFiles, seededUuid, type ClientOptions, type ScriptedDossier, type SubmitResult } from './client.ts'
import { blobDigest, codeGaps, communeCommittees, readDossiers, WITH_FILES, type Citizen } from './bff.ts'
import { prng } from '@portal/shared/random/prng'

export interface PlannedDossier {
  citizen: Citizen
  /** Made when the dossier is sent (the bytes are not all kept in memory at once). */
  make(): ScriptedDossier
  id: string
  files: { sha256: string; size: number }[]
}

export function planDossiers(
  count: number,
  citizens: readonly Citizen[],
  seed: number,
  { maxBytes, communes = communeCommittees }: { maxBytes?: number; communes?: readonly { communeCode: string }[] } = {},
): PlannedDossier[] {
  const random = prng(seed)
  return Array.from({ length: count }, () => {
    const citizen = citizens[Math.floor(random() * citizens.length)]!
    const commune = communes[Math.floor(random() * communes.length)]!
    const fileCount = 1 + Math.floor(random() * 3)
    const fileSeed = Math.floor(random() * 2 ** 31)
    const id = seededUuid(random)
    const build = (): ScriptedDossier => ({
      id,
      procedureCode: WITH_FILES.code,
      communeCode: commune.communeCode,
      componentId: WITH_FILES.componentId,
      files: randomFiles(fileCount, prng(fileSeed), undefined, maxBytes),
    })
    // Hashes and sizes now (for the checks), bytes again when sent.
    const files = build().files.map((f) => ({ sha256: f.sha256, size: f.bytes.length }))
    return { citizen, id, files, make: build }
  })
}

export interface Outcome {
  results: Map<string, SubmitResult>
  failures: { id: string; error: string }[]
}

/** Sends every planned dossier, `concurrency` at a time, each with its citizen's client. */
export async function sendAll(
  planned: readonly PlannedDossier[],
  concurrency: number,
  client: (citizen: Citizen) => Omit<ClientOptions, 'cookie'>,
  onEach?: (done: number) => void,
): Promise<Outcome> {
  const results = new Map<string, SubmitResult>()
  const failures: Outcome['failures'] = []
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < planned.length) {
      const p = planned[next++]!
      try {
        results.set(p.id, await createClient({ ...client(p.citizen), cookie: p.citizen.cookie }).submit(p.make()))
      } catch (error) {
        failures.push({ id: p.id, error: (error as Error).message })
      }
      onEach?.(++done)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { results, failures }
}

/** What is wrong on the server after `planned` were sent (empty: nothing). */
export function checkServer(dataDir: string, planned: readonly PlannedDossier[], outcome: Outcome): string[] {
  const problems: string[] = []
  const stored = readDossiers(dataDir)
  const byId = new Map(stored.map((d) => [d.id, d]))
  if (stored.length !== planned.length) problems.push(`${stored.length} dossiers stored for ${planned.length} sent`)
  if (byId.size !== stored.length) problems.push('a dossier id stored twice')
  const codes = new Set(stored.map((d) => d.code))
  if (codes.size !== stored.length) problems.push(`${stored.length - codes.size} dossier codes repeated`)
  problems.push(...codeGaps(stored.map((d) => d.code)))
  const digests = new Map<string, string | undefined>()
  for (const p of planned) {
    const row = byId.get(p.id)
    if (!row) {
      problems.push(`dossier ${p.id} missing`)
      continue
    }
    if (row.userId !== p.citizen.userId) problems.push(`dossier ${p.id} stored for user ${row.userId}, sent by ${p.citizen.userId}`)
    const receipt = outcome.results.get(p.id)?.receipt
    if (receipt && receipt.code !== row.code) problems.push(`dossier ${p.id}: client was given ${receipt.code}, server has ${row.code}`)
    const want = p.files.map((f, position) => `${position}:${f.sha256}:${f.size}`).join(',')
    const got = row.files.map((f) => `${f.position}:${f.sha256}:${f.size}`).join(',')
    if (want !== got) problems.push(`dossier ${p.id}: files ${got}, expected ${want}`)
    for (const f of p.files) {
      if (!digests.has(f.sha256)) digests.set(f.sha256, blobDigest(dataDir, f.sha256))
      const found = digests.get(f.sha256)
      if (found !== f.sha256) problems.push(`blob ${f.sha256}: ${found === undefined ? 'absent' : `bytes hash to ${found}`}`)
    }
  }
  return problems
}

/** Sums of the clients' stats. */
export function totals(outcome: Outcome) {
  let retries = 0
  let tusRetries = 0
  let posts = 0
  let created = 0
  let replayed = 0
  const statuses: Record<number, number> = {}
  for (const r of outcome.results.values()) {
    retries += r.stats.retries
    tusRetries += r.stats.tusRetries
    posts += r.stats.posts
    if (r.status === 201) created++
    else replayed++
    for (const [s, n] of Object.entries(r.stats.statuses)) statuses[Number(s)] = (statuses[Number(s)] ?? 0) + n
  }
  return { retries, tusRetries, posts, created, replayed, statuses }
}
