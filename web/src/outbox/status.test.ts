import { describe, expect, it } from 'vitest'
import { itemStatus } from './status.ts'
import type { OutboxRow } from './types.ts'

const item = (extra: Partial<OutboxRow> = {}): OutboxRow => ({
  id: 'd',
  kind: 'submission',
  dossierId: 'd',
  accountSub: 'alice',
  accountName: 'Nguyễn Văn An',
  state: 'queued',
  attempts: 0,
  nextAttemptAt: 0,
  queuedAt: 0,
  payload: { id: 'd', procedureCode: '1.001193', form: {}, components: [{ componentId: 'c6', files: [{ sha256: 'a'.repeat(64), size: 3, type: 'image/jpeg', name: 'anh.jpg' }] }], resultDelivery: { method: 'online' } },
  uploads: { ['a'.repeat(64)]: { sent: 1, total: 3, done: false }, ['b'.repeat(64)]: { sent: 0, total: 1, done: true } },
  ...extra,
}) as OutboxRow

describe('what the user is told', () => {
  it('waits for the network while offline, and for the right person when another is signed in', () => {
    expect(itemStatus(item(), false, 'alice')).toEqual({ kind: 'network' })
    expect(itemStatus(item(), true, 'bob')).toEqual({ kind: 'account', name: 'Nguyễn Văn An' })
    expect(itemStatus(item(), true, null)).toEqual({ kind: 'account', name: 'Nguyễn Văn An' })
    expect(itemStatus(item(), true, 'alice')).toEqual({ kind: 'queued' })
    expect(itemStatus(item({ waiting: 'server', nextAttemptAt: 9 }), true, 'alice')).toEqual({ kind: 'retrying', at: 9 })
  })

  it('counts upload progress over every file, finished ones whole', () => {
    expect(itemStatus(item({ state: 'uploading' }), true, 'alice')).toEqual({ kind: 'uploading', percent: 50 })
  })

  it('names the file the server refused', () => {
    const status = itemStatus(item({ state: 'needs-attention', lastError: { type: 'file-refused', message: 'Sai loại tệp', sha256: 'a'.repeat(64) } }), true, 'alice')
    expect(status).toMatchObject({ kind: 'attention', fileName: 'anh.jpg', problem: { message: 'Sai loại tệp' } })
  })
})
