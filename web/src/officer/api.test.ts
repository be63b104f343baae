import { afterEach, describe, expect, it, vi } from 'vitest'
import { AnswerError, fetchDossier, fetchQueue, postAction, queueQuery, registerUrl } from './api.ts'
import { DOSSIER_ID, fakeOfficerBff, officerDossier, queueItem } from './testing.ts'

afterEach(() => vi.unstubAllGlobals())

describe('the officers’ API client', () => {
  it('asks for the queue with the filters that are set', async () => {
    expect(queueQuery({})).toBe('')
    expect(queueQuery({ due: 'overdue', cursor: 'c2', procedure: '1.001193' })).toBe('?procedure=1.001193&due=overdue&cursor=c2')
    const { requests } = fakeOfficerBff({ queue: () => ({ items: [queueItem()], next: 'c2' }) })
    expect(await fetchQueue({ status: 'registered' })).toEqual({ items: [queueItem()], next: 'c2' })
    expect(requests[0]?.url.search).toBe('?status=registered')
  })

  it('refuses an answer outside the contract', async () => {
    fakeOfficerBff({ dossier: () => new Response(JSON.stringify({ ...officerDossier(), status: 'lost' }), { status: 200 }) })
    await expect(fetchDossier(DOSSIER_ID)).rejects.toBeInstanceOf(AnswerError)
  })

  it('posts an action as JSON with the header every write carries', async () => {
    const { requests } = fakeOfficerBff({ action: () => officerDossier({ status: 'accepted' }) })
    const answer = await postAction(DOSSIER_ID, { type: 'receive' })
    expect(answer.status).toBe('accepted')
    expect(requests[0]).toMatchObject({ method: 'POST', body: { type: 'receive' } })
    expect(requests[0]?.headers.get('x-requested-with')).toBe('portal')
    expect(requests[0]?.headers.get('content-type')).toBe('application/json')
  })

  it('links the register for an agency and period', () => {
    expect(registerUrl('000.00.D8.H55', '2026-11-01', '2026-11-27')).toBe('/api/officer/register.pdf?agency=000.00.D8.H55&from=2026-11-01&to=2026-11-27')
  })
})
