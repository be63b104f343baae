import { describe, expect, it } from 'vitest'
import { ISSUE_CODES } from './issues.ts'
import { MESSAGES, formatIssue } from './messages.ts'

describe('issue messages', () => {
  it('has a Vietnamese and an English message for every code', () => {
    for (const code of ISSUE_CODES) {
      expect(MESSAGES[code].vi.length).toBeGreaterThan(10)
      expect(MESSAGES[code].en.length).toBeGreaterThan(10)
    }
    expect(Object.keys(MESSAGES).sort()).toEqual([...ISSUE_CODES].sort())
  })

  it('fills the label and the params', () => {
    expect(formatIssue({ path: 'x', code: 'text.tooLong', params: { max: 100 } }, 'vi', 'Họ và tên')).toBe('Họ và tên chỉ được dài tối đa 100 ký tự.')
    expect(formatIssue({ path: 'x', code: 'required' }, 'en', 'Full name')).toBe('Please fill in Full name.')
    expect(formatIssue({ path: 'x', code: 'identityNumber.format' }, 'vi', '')).toBe('Số định danh cá nhân phải có 12 chữ số, như in trên thẻ căn cước.')
  })
})
