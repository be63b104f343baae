import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config/config.ts'

describe('notice settings', () => {
  it('send no e-mail by default (embedded mode); the supplement notice gives 15 working days', () => {
    expect(loadConfig({}, '/tmp').notices).toEqual({ supplementWorkingDays: 15 })
  })

  it('turn e-mail on with SMTP_URL and MAIL_FROM', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://portal:secret@mail.thainguyen.example:465', MAIL_FROM: '"Cổng Dịch vụ công" <khong-tra-loi@thainguyen.example>', NOTICE_SUPPLEMENT_WORKING_DAYS: '10' }, '/tmp')
    expect(config.notices).toEqual({
      mail: { smtpUrl: 'smtps://portal:secret@mail.thainguyen.example:465', from: '"Cổng Dịch vụ công" <khong-tra-loi@thainguyen.example>' },
      supplementWorkingDays: 10,
    })
  })

  it('refuse to start on a wrong value, naming each', () => {
    const wrong = (env: Record<string, string>) => {
      try {
        loadConfig(env, '/tmp')
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        return (error as Error).message
      }
      throw new Error('accepted')
    }
    expect(wrong({ SMTP_URL: 'smtp://mail.example:25' })).toContain('MAIL_FROM: MAIL_FROM is required when SMTP_URL is set')
    expect(wrong({ SMTP_URL: 'https://mail.example', MAIL_FROM: 'a@b.vn' })).toContain('SMTP_URL must start with smtp://')
    expect(wrong({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'nobody' })).toContain('MAIL_FROM must be an address')
    expect(wrong({ NOTICE_SUPPLEMENT_WORKING_DAYS: '0' })).toContain('NOTICE_SUPPLEMENT_WORKING_DAYS must be at least 1')
  })
})
