import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { fixedClock, tempDir } from '../testing/app.ts'
import { agencyKinds, birth, criminalRecord, directory, fields, landUse } from '../testing/fixtures.ts'
import { readSeedDir, SeedError, seedCatalog } from './seed.ts'
import { CatalogStore } from './store.ts'

let dir: string
let db: Db
let store: CatalogStore
let cleanup: () => void
const logger = createLogger('silent')

beforeEach(() => {
  const temp = tempDir()
  dir = temp.dir
  cleanup = temp.cleanup
  db = openDatabase(join(dir, 'portal.sqlite'))
  store = new CatalogStore(db, fixedClock())
})
afterEach(() => {
  db.$client.close()
  cleanup()
})

function writeSeed(files: Record<string, unknown>) {
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  }
}

const allFiles = {
  'procedures.json': [birth, criminalRecord, landUse],
  'fields.json': fields,
  'agency-kinds.json': agencyKinds,
  'agencies.json': directory,
}

describe('seeding the catalogue from files', () => {
  it('loads every file, and a second run changes nothing', () => {
    writeSeed(allFiles)
    seedCatalog(store, { dir, syntheticSize: 0 }, logger)
    const version = store.version()
    expect(store.snapshot()).toMatchObject({ fields, agencyKinds, agencies: directory })
    expect(store.snapshot().procedures).toHaveLength(3)
    seedCatalog(store, { dir, syntheticSize: 0 }, logger)
    expect(store.version()).toBe(version)
  })

  it('tolerates missing files: those parts stay as stored', () => {
    expect(readSeedDir(dir)).toEqual({ input: {}, missing: ['procedures.json', 'fields.json', 'agency-kinds.json', 'agencies.json'] })
    seedCatalog(store, { dir, syntheticSize: 0 }, logger)
    expect(store.snapshot().procedures).toEqual([])
    writeSeed({ 'procedures.json': [birth] })
    seedCatalog(store, { dir, syntheticSize: 0 }, logger)
    expect(store.snapshot().procedures).toEqual([birth])
  })

  it('drops unknown keys, keeps schema order: the content hash is stable', () => {
    const { components, code, ...rest } = birth
    writeSeed({ 'procedures.json': [{ extra: 1, components, ...rest, code }] })
    expect(readSeedDir(dir).input.procedures).toEqual([birth])
  })

  it('refuses an invalid file with the file and the paths of the faults', () => {
    writeSeed({ 'procedures.json': [{ ...birth, level: 'district' }, { ...landUse, code: '12345' }] })
    expect(() => readSeedDir(dir)).toThrow(SeedError)
    expect(() => readSeedDir(dir)).toThrow(/procedures\.json[\s\S]*0\.level[\s\S]*1\.code/)
  })

  it('refuses malformed JSON and duplicate codes', () => {
    writeSeed({ 'fields.json': '[{' })
    expect(() => readSeedDir(dir)).toThrow(/fields\.json is not valid JSON/)
    writeSeed({ 'fields.json': fields, 'procedures.json': [birth, birth] })
    expect(() => readSeedDir(dir)).toThrow(/procedure code 1\.001193 appears twice/)
  })

  it('pads the catalogue with synthetic procedures, real ones first', () => {
    writeSeed(allFiles)
    seedCatalog(store, { dir, syntheticSize: 50 }, logger)
    const { procedures, byCode } = store.snapshot()
    expect(procedures).toHaveLength(50)
    expect(byCode.get(birth.code)).toEqual(birth)
    // Back to the real catalogue: the synthetic ones are tombstoned.
    seedCatalog(store, { dir, syntheticSize: 0 }, logger)
    expect(store.snapshot().procedures).toHaveLength(3)
  })
})
