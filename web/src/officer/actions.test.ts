import { describe, expect, it } from 'vitest'
import { availableActions, buildAction, controlIds, emptyDraft, parseAmount, type ActionContext, type ActionDraft, type OfficerActionType } from './actions.ts'

// Each action's form becomes the contract's OfficerAction, or says what to fix and where.

const DUE = '2026-12-03T17:00:00+07:00'
const context: ActionContext = { processingOptions: 1, unit: 'H55.242.1', dueAt: DUE }
/** Before processing: no unit holds the dossier yet. */
const unheld: ActionContext = { processingOptions: 1, dueAt: DUE }
const build = (type: OfficerActionType, draft: Partial<ActionDraft>, ctx = context) => buildAction(type, { ...emptyDraft(), ...draft }, ctx)
const fix = (type: OfficerActionType, draft: Partial<ActionDraft>, ctx = context) => {
  const result = build(type, draft, ctx)
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.action)}`)
  return result.issues
}

describe('the actions offered', () => {
  it('are the allowed events that are the officer’s, in the screen’s order', () => {
    expect(availableActions(['withdraw', 'refuse', 'requestSupplement', 'receive'])).toEqual(['receive', 'requestSupplement', 'refuse'])
    expect(availableActions(['supplementReceived', 'withdraw', 'stop'])).toEqual(['stop'])
    expect(availableActions([])).toEqual([])
  })
})

describe('building an action', () => {
  it('receive: no choice with one processing time; the chosen option with several', () => {
    expect(build('receive', {})).toEqual({ ok: true, action: { type: 'receive' } })
    expect(fix('receive', {}, { ...context, processingOptions: 2 })).toEqual([{ target: controlIds.processingOption, key: 'chooseOption' }])
    expect(build('receive', { processingOption: '1' }, { ...context, processingOptions: 2 })).toEqual({ ok: true, action: { type: 'receive', processingOption: 1 } })
  })

  it('refuse: every reason row written (trimmed), each empty row pointed at', () => {
    expect(build('refuse', { reasons: ['  Thiếu giấy chứng sinh ', 'Sai thẩm quyền'] })).toEqual({
      ok: true,
      action: { type: 'refuse', reasons: ['Thiếu giấy chứng sinh', 'Sai thẩm quyền'] },
    })
    expect(fix('refuse', { reasons: ['Lý do', '   '] })).toEqual([{ target: controlIds.reason(1), key: 'reasonRow', params: { n: 2 } }])
    expect(fix('refuse', {})).toEqual([{ target: 'action-reason-0', key: 'reasonRow', params: { n: 1 } }])
  })

  it('requestSupplement: several items at once, a component only when one is picked', () => {
    const result = build('requestSupplement', {
      items: [
        { componentId: 'c6', description: 'Ảnh giấy chứng sinh bị mờ' },
        { componentId: '', description: 'Ghi rõ quê quán' },
      ],
    })
    expect(result).toEqual({
      ok: true,
      action: { type: 'requestSupplement', items: [{ componentId: 'c6', description: 'Ảnh giấy chứng sinh bị mờ' }, { description: 'Ghi rõ quê quán' }] },
    })
    expect(fix('requestSupplement', { items: [{ componentId: 'c6', description: '' }] })).toEqual([{ target: 'action-item-0', key: 'itemRow', params: { n: 1 } }])
  })

  it('startProcessing and transfer: a unit (for a transfer, not the one holding the dossier); the note kept when written', () => {
    expect(build('startProcessing', { unit: 'H55.242.1' }, unheld)).toEqual({ ok: true, action: { type: 'startProcessing', unit: 'H55.242.1' } })
    // The receiving agency holds the dossier at receipt and may process it itself.
    expect(build('startProcessing', { unit: '000.00.D8.H55' }, { ...context, unit: '000.00.D8.H55' })).toEqual({ ok: true, action: { type: 'startProcessing', unit: '000.00.D8.H55' } })
    expect(fix('startProcessing', {})).toEqual([{ target: controlIds.unit, key: 'unitRequired' }])
    expect(fix('transfer', { unit: 'H55.242.1' })).toEqual([{ target: controlIds.unit, key: 'sameUnit' }])
    expect(build('transfer', { unit: 'H55.242.2', note: ' Trình ký ' })).toEqual({ ok: true, action: { type: 'transfer', toUnit: 'H55.242.2', note: 'Trình ký' } })
    expect(build('transfer', { unit: 'H55.242.2', note: '  ' })).toEqual({ ok: true, action: { type: 'transfer', toUnit: 'H55.242.2' } })
  })

  it('a unit code the contract refuses is not sent', () => {
    expect(fix('startProcessing', { unit: 'not a unit' }, unheld)).toEqual([{ target: controlIds.form, key: 'invalid' }])
  })

  it('recordOpinion, feesPaid and stop: their text is required', () => {
    expect(build('recordOpinion', { text: 'Đủ điều kiện' })).toEqual({ ok: true, action: { type: 'recordOpinion', opinion: 'Đủ điều kiện' } })
    expect(fix('recordOpinion', { text: ' ' })).toEqual([{ target: controlIds.text, key: 'opinionRequired' }])
    expect(build('feesPaid', { text: 'BL-0042' })).toEqual({ ok: true, action: { type: 'feesPaid', paymentRef: 'BL-0042' } })
    expect(fix('feesPaid', {})).toEqual([{ target: controlIds.text, key: 'paymentRefRequired' }])
    expect(build('stop', { text: 'Người nộp đề nghị dừng' })).toEqual({ ok: true, action: { type: 'stop', reason: 'Người nộp đề nghị dừng' } })
    expect(fix('stop', {})).toEqual([{ target: controlIds.text, key: 'reasonRequired' }])
  })

  it('a text over 2000 characters is refused before the server sees it', () => {
    expect(fix('recordOpinion', { text: 'x'.repeat(2001) })).toEqual([{ target: controlIds.text, key: 'tooLong' }])
  })

  it('requireFees: an amount in đồng (separators allowed) and what it is for', () => {
    expect(build('requireFees', { amount: '1.500.000', text: 'Lệ phí' })).toEqual({ ok: true, action: { type: 'requireFees', amountVnd: 1_500_000, description: 'Lệ phí' } })
    expect(fix('requireFees', { amount: '0', text: '' })).toEqual([
      { target: controlIds.amount, key: 'amountInvalid' },
      { target: controlIds.text, key: 'feeDescriptionRequired' },
    ])
  })

  it('approve takes nothing; returnResult needs the uploaded file', () => {
    expect(build('approve', {})).toEqual({ ok: true, action: { type: 'approve' } })
    expect(fix('returnResult', {})).toEqual([{ target: controlIds.result, key: 'resultRequired' }])
    const sha = 'c'.repeat(64)
    expect(build('returnResult', { resultSha256: sha })).toEqual({ ok: true, action: { type: 'returnResult', resultSha256: sha } })
  })

  it('apologiseLate: a real day after the current due date (17:00 Vietnam) and a reason', () => {
    expect(build('apologiseLate', { day: '2026-12-08', text: 'Chờ xác minh' })).toEqual({
      ok: true,
      action: { type: 'apologiseLate', reason: 'Chờ xác minh', newDueAt: '2026-12-08T17:00:00+07:00' },
    })
    expect(fix('apologiseLate', { day: '2026-12-03', text: 'x' })).toEqual([{ target: controlIds.day, key: 'dayNotLater' }])
    expect(fix('apologiseLate', { day: '2026-02-30', text: 'x' })).toEqual([{ target: controlIds.day, key: 'dayInvalid' }])
    expect(fix('apologiseLate', {})).toEqual([
      { target: controlIds.day, key: 'dayRequired' },
      { target: controlIds.text, key: 'reasonRequired' },
    ])
  })
})

describe('amounts as typed', () => {
  it('read digits with dot, comma or space separators; refuse the rest', () => {
    expect(parseAmount('30000')).toBe(30000)
    expect(parseAmount(' 30.000 ')).toBe(30000)
    expect(parseAmount('1,200,000')).toBe(1_200_000)
    expect(parseAmount('1 200 000')).toBe(1_200_000)
    for (const bad of ['', '0', '-5', '12a', '3e4', '30.000đ']) expect(parseAmount(bad)).toBeNull()
  })
})
