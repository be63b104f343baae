/**
 * `pnpm bench`: every benchmark of the project, printed with its target. Pass names to run
 * some only (`pnpm bench search-node lighthouse`). Results also go to bench-results/latest.json
 * for docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../support/server.ts'
import { catalogTransfer } from './catalog-transfer.ts'
import { draftsSave } from './drafts-save.ts'
import { firstVisit } from './first-visit.ts'
import { formBundle } from './form-bundle.ts'
import { intakeBench } from './intake.ts'
import { lighthouseScores } from './lighthouse.ts'
import { photoProcessing } from './photo.ts'
import { relayBench } from './relay.ts'
import { formatFigure, met, type Figure } from './report.ts'
import { reconnectBench } from './reconnect.ts'
import { resumeBench } from './resume.ts'
import { searchInChromium } from './search-chromium.ts'
import { searchInNode } from './search-node.ts'
import { sessionCost } from './session.ts'
import { statusPullBench } from './status-pull.ts'

const benches: Record<string, () => Promise<Figure[]>> = {
  'search-node': searchInNode,
  'search-chromium': searchInChromium,
  'catalog-transfer': catalogTransfer,
  'first-visit': firstVisit,
  lighthouse: lighthouseScores,
  session: sessionCost,
  photo: photoProcessing,
  'drafts-save': draftsSave,
  'form-bundle': formBundle,
  intake: intakeBench,
  resume: resumeBench,
  relay: relayBench,
  reconnect: reconnectBench,
  'status-pull': statusPullBench,
}

const wanted = process.argv.slice(2).filter((a) => a in benches)
const results: Record<string, Figure[]> = {}
let missed = 0
console.log(`Benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`)
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue
  console.log(`\n${name}`)
  const figures = await bench()
  for (const f of figures) {
    console.log(formatFigure(f))
    if (met(f) === false) missed++
  }
  results[name] = figures
}
const dir = join(repoRoot, 'bench-results')
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2))
console.log(`\n${missed === 0 ? 'every target met' : `${missed} target(s) missed`}`)
