import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/app.ts'
import { openDatabase, type Db } from './open.ts'

let temp: ReturnType<typeof tempDir>
let db: Db
beforeEach(() => {
  temp = tempDir()
  db = openDatabase(`${temp.dir}/nested/folder/portal.sqlite`)
})
afterEach(() => {
  db.$client.close()
  temp.cleanup()
})

describe('opening the database', () => {
  it('creates the folder and sets durable pragmas', () => {
    const pragma = (name: string) => db.$client.pragma(name, { simple: true })
    expect(pragma('journal_mode')).toBe('wal')
    expect(pragma('foreign_keys')).toBe(1)
    expect(pragma('synchronous')).toBe(2) // FULL
    expect(pragma('busy_timeout')).toBe(5000)
  })

  it('applies the migrations, and reopening applies nothing twice', () => {
    const tables = () =>
      db.$client.prepare("select name from sqlite_master where type = 'table' and name like 'catalog_%' order by name").pluck().all()
    expect(tables()).toEqual(['catalog_documents', 'catalog_meta', 'catalog_procedures'])
    db.$client.close()
    db = openDatabase(`${temp.dir}/nested/folder/portal.sqlite`)
    expect(tables()).toEqual(['catalog_documents', 'catalog_meta', 'catalog_procedures'])
  })
})
