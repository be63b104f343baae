/**
 * A BFF process that dies between the commit of an officer's action and the push of its status
 * event (pump.test.ts): it opens the test's database, starts processing dossier `id` as an
 * officer of `agency`, and its inbound kills the process (SIGKILL, no clean-up) the moment the
 * event is pushed — after the COMMIT, before any answer.
 *
 *   node --import tsx src/onestop/crash.test-support.ts <database file> <blob dir> <dossier id> <agency> <ISO time>
 */
import { AuditLog } from '../audit/log.ts'
import { CatalogStore } from '../catalog/store.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { DiskBlobStore } from '../uploads/blob-store.ts'
import { UploadRepository } from '../uploads/repository.ts'
import { embeddedOneStop } from './feature.ts'
import { officerSession } from './testing.ts'

const [file, blobs, id, agency, at] = process.argv.slice(2) as [string, string, string, string, string]
const db = openDatabase(file)
const clock = { now: () => new Date(at) }
const logger = createLogger('silent')
const onestop = embeddedOneStop({
  db,
  clock,
  logger,
  store: new CatalogStore(db, clock),
  audit: new AuditLog(db, clock, logger),
  uploads: new UploadRepository(db),
  blobs: new DiskBlobStore(blobs),
  inbound: {
    accept() {
      process.kill(process.pid, 'SIGKILL')
      throw new Error('unreachable: the process is gone')
    },
  },
})
onestop.desk.act(officerSession('pro', agency, ['processing']), id, { type: 'startProcessing', unit: agency })
