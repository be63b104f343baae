import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  isNote,
  parseCopies,
  parseFee,
  parseProcessingTime,
  slug,
  submissionMethods,
  tidyComponents,
  tidyHeading,
  tidyProse,
  tidyText,
} from './tidy.ts'

describe('tidyText', () => {
  it('normalises to NFC, collapses whitespace and trims', () => {
    const nfd = '  Cấp,\u00a0quản  lý\ncăn cước '.normalize('NFD')
    expect(tidyText(nfd)).toBe('Cấp, quản lý căn cước')
    expect(tidyText(nfd)).toBe(tidyText(nfd).normalize('NFC'))
  })

  it('is idempotent and leaves no outer whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = tidyText(s)
        expect(tidyText(once)).toBe(once)
        expect(once).toBe(once.trim())
      }),
    )
  })

  it('fixes the known typing slips in prose only', () => {
    expect(tidyProse('Tờ khai đăng ký đăng ký nhận cha, mẹ, con')).toBe('Tờ khai đăng ký nhận cha, mẹ, con')
    expect(tidyProse('(2) Điều l ệ')).toBe('(2) Điều lệ')
    expect(tidyProse('Quân đội nhân nhân nhân (đơn vị đóng quân)')).toBe('Quân đội nhân dân (đơn vị đóng quân)')
    expect(tidyProse('cấp giấy phép xây dựng. ....')).toBe('cấp giấy phép xây dựng.')
  })
})

describe('slug', () => {
  it('folds Vietnamese and joins words with dashes', () => {
    expect(slug('Hộ tịch')).toBe('ho-tich')
    expect(slug('Đăng ký, quản lý cư trú')).toBe('dang-ky-quan-ly-cu-tru')
  })
})

describe('submissionMethods', () => {
  it('maps the labels and orders them online, in-person, post', () => {
    expect(submissionMethods(['Qua dịch vụ bưu chính', 'Trực tiếp', 'Trực tuyến'])).toEqual(['online', 'in-person', 'post'])
  })
  it('refuses an unknown label', () => {
    expect(() => submissionMethods(['Qua fax'])).toThrow(/unknown submission method/)
  })
})

describe('parseProcessingTime', () => {
  it('reads working days, days and hours', () => {
    expect(parseProcessingTime('5 ngày làm việc')).toEqual({ text: '5 ngày làm việc', options: [{ amount: 5, unit: 'working-days' }] })
    expect(parseProcessingTime('15 ngày').options).toEqual([{ amount: 15, unit: 'days' }])
    expect(parseProcessingTime('15 giờ').options).toEqual([{ amount: 15, unit: 'hours' }])
  })

  it('gives one option per channel, without ambiguity when each channel has one figure', () => {
    const t = parseProcessingTime('Trực tuyến: 17 ngày làm việc | Qua dịch vụ bưu chính: 20 ngày làm việc | Trực tiếp: 27 ngày làm việc')
    expect(t.options).toEqual([
      { channel: 'online', amount: 17, unit: 'working-days' },
      { channel: 'post', amount: 20, unit: 'working-days' },
      { channel: 'in-person', amount: 27, unit: 'working-days' },
    ])
    expect(t.ambiguity).toBeUndefined()
  })

  it('flags a channel repeated with different figures', () => {
    const t = parseProcessingTime('Trực tuyến: 1 ngày làm việc | Trực tuyến: 2 ngày làm việc')
    expect(t.options).toEqual([
      { channel: 'online', amount: 1, unit: 'working-days' },
      { channel: 'online', amount: 2, unit: 'working-days' },
    ])
    expect(t.ambiguity).toMatch(/cùng một cách nộp/)
  })

  it('drops the channel when every channel lists the same figures, and still flags the repeat', () => {
    const t = parseProcessingTime(
      'Trực tuyến: 5 ngày làm việc | Trực tiếp: 5 ngày làm việc | Trực tuyến: 30 ngày làm việc | Trực tiếp: 30 ngày làm việc',
    )
    expect(t.options).toEqual([
      { amount: 5, unit: 'working-days' },
      { amount: 30, unit: 'working-days' },
    ])
    expect(t.ambiguity).toBeDefined()
  })

  it('gives "Tùy trường hợp" options a condition and an ambiguity', () => {
    const t = parseProcessingTime('Tùy trường hợp: 5 ngày làm việc / 2 ngày / 1 ngày')
    expect(t.options).toEqual([
      { amount: 5, unit: 'working-days', condition: 'Tùy trường hợp' },
      { amount: 2, unit: 'days', condition: 'Tùy trường hợp' },
      { amount: 1, unit: 'days', condition: 'Tùy trường hợp' },
    ])
    expect(t.ambiguity).toMatch(/tùy trường hợp/)
  })

  it('assumes working days for a number without a unit and says so', () => {
    const t = parseProcessingTime('3 (nguồn không ghi đơn vị thời gian)')
    expect(t.options).toEqual([{ amount: 3, unit: 'working-days' }])
    expect(t.ambiguity).toMatch(/không ghi đơn vị/)
  })

  it('extracts figures from prose with the clause they close, and flags it', () => {
    const t = parseProcessingTime(
      'Thời hạn giải quyết: - Thời gian xác minh hoàn cảnh: Trường hợp nơi ở khác nhau, trong 02 ngày làm việc kể từ ngày nhận được đề nghị …',
    )
    expect(t.options).toEqual([
      { amount: 2, unit: 'working-days', condition: 'Thời gian xác minh hoàn cảnh: Trường hợp nơi ở khác nhau' },
    ])
    expect(t.ambiguity).toMatch(/bị cắt ngắn/)
  })

  it('says when the source publishes nothing', () => {
    expect(parseProcessingTime(null)).toEqual({ text: '', options: [], ambiguity: 'Nguồn không công bố thời hạn giải quyết' })
  })
})

describe('parseFee', () => {
  it('reads an amount with what it is charged per', () => {
    expect(parseFee('50.000 đồng/văn bản')).toEqual({ kind: 'fixed', text: '50.000 đồng/văn bản', items: [{ amountVnd: 50000, per: 'văn bản' }] })
    expect(parseFee('8.000 đồng').items).toEqual([{ amountVnd: 8000 }])
    expect(parseFee('8.000 đồng/Văn bản xác nhận. Miễn lệ phí cho người khuyết tật.').items).toEqual([
      { amountVnd: 8000, per: 'văn bản xác nhận' },
    ])
  })

  it('keeps channels and cases, and collapses channels that list the same items', () => {
    const perChannel = parseFee('Trực tuyến: 7.000 đồng – Đăng ký cá nhân | Trực tiếp: 15.000 đồng – Đăng ký cá nhân')
    expect(perChannel.items).toEqual([
      { channel: 'online', amountVnd: 7000, condition: 'Đăng ký cá nhân' },
      { channel: 'in-person', amountVnd: 15000, condition: 'Đăng ký cá nhân' },
    ])
    const same = parseFee('Trực tiếp: 100.000 đồng | Trực tiếp: 50.000 đồng | Trực tuyến: 100.000 đồng | Trực tuyến: 50.000 đồng')
    expect(same.items).toEqual([{ amountVnd: 100000 }, { amountVnd: 50000 }])
  })

  it('splits a list of cases and leaves out descriptions that restate amounts', () => {
    expect(parseFee('5.250.000 đồng – - Bệnh viện; 1.550.000 đồng – - Trạm y tế').items).toEqual([
      { amountVnd: 5250000, condition: 'Bệnh viện' },
      { amountVnd: 1550000, condition: 'Trạm y tế' },
    ])
    expect(parseFee('400.000 đồng – Lệ phí : 400.000 Đồng').items).toEqual([{ amountVnd: 400000 }])
  })

  it('leaves amounts in other currencies to the text', () => {
    const fee = parseFee('Trực tiếp: 10.000 đồng/trường hợp (Tại Ủy ban nhân dân cấp xã) | Trực tiếp: 10 USD/bản (Tại cơ quan đại diện)')
    expect(fee.items).toEqual([{ channel: 'in-person', amountVnd: 10000, per: 'trường hợp' }])
  })

  it('treats a bare "0 đồng" as unknown: it is often a placeholder', () => {
    expect(parseFee('0 đồng')).toEqual({ kind: 'unknown', text: '0 đồng', items: [] })
  })

  it('reads "Miễn lệ phí" as free', () => {
    expect(parseFee('Miễn lệ phí. Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu) thực hiện theo quy định.').kind).toBe('free')
  })

  it('sends amounts set by the People\'s Council or by another text to by-regulation', () => {
    expect(parseFee('Theo quy định của Hội đồng nhân dân cấp tỉnh').kind).toBe('by-regulation')
    expect(parseFee('Trực tuyến: 150.000 đồng – Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định').kind).toBe('by-regulation')
    expect(parseFee('Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí').kind).toBe('by-regulation')
    expect(parseFee('Trực tuyến: Theo quy định của Luật phí và lệ phí. | Qua dịch vụ bưu chính: 0 đồng').kind).toBe('by-regulation')
  })

  it('has no text and kind unknown when nothing is published', () => {
    expect(parseFee(null)).toEqual({ kind: 'unknown', items: [] })
    expect(parseFee('Chưa quy định.')).toEqual({ kind: 'unknown', text: 'Chưa quy định.', items: [] })
    expect(parseFee('Không quy định').kind).toBe('unknown')
  })

  it('never produces a negative or fractional amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        const text = `${n.toLocaleString('de-DE')} đồng/trang`
        const items = parseFee(text).items
        if (n > 0) expect(items).toEqual([{ amountVnd: n, per: 'trang' }])
        for (const item of items) expect(Number.isInteger(item.amountVnd) && item.amountVnd >= 0).toBe(true)
      }),
    )
  })
})

describe('parseCopies', () => {
  it('reads originals and copies', () => {
    expect(parseCopies('1 bản chính, 1 bản sao')).toEqual({ originals: 1, copies: 1 })
    expect(parseCopies('1 bản sao')).toEqual({ originals: 0, copies: 1 })
    expect(parseCopies('2 bản chính')).toEqual({ originals: 2, copies: 0 })
    expect(parseCopies('2 bản chính, 2 bản sao')).toEqual({ originals: 2, copies: 2 })
  })
  it('refuses what it cannot read', () => {
    expect(() => parseCopies('')).toThrow()
    expect(() => parseCopies('một bộ')).toThrow()
  })
})

describe('isNote', () => {
  it('recognises guidance', () => {
    expect(isNote('Lưu ý: hồ sơ nộp trực tuyến không cần bản giấy')).toBe(true)
    expect(isNote('Ngoài giấy tờ nêu trên, tùy từng trường hợp, bên nam, bên nữ phải nộp giấy tờ tương ứng sau đây:')).toBe(true)
    expect(isNote('Giá trị sử dụng của giấy tờ chứng minh tình trạng hôn nhân được xác định theo thời hạn ghi trên giấy tờ đó.')).toBe(true)
    expect(isNote('(v) Người ủy quyền và người được ủy quyền chịu trách nhiệm trước pháp luật về tính hợp pháp của việc ủy quyền.')).toBe(true)
    expect(isNote('(iv) Trường hợp ủy quyền cho đơn vị bưu chính thì việc ủy quyền thực hiện theo quy định tại mục (ii).')).toBe(true)
    expect(isNote('Trường hợp Giấy chứng nhận đã có trong Cơ sở dữ liệu thì các thông tin này được thay thế bằng dữ liệu.')).toBe(true)
    expect(isNote('Theo quy định của Bảo hiểm xã hội Việt Nam.')).toBe(true)
    expect(isNote('Trong đó cung cấp rõ số thuê bao di động chính chủ')).toBe(true)
  })

  it('keeps documents, conditional ones included', () => {
    expect(isNote('Tờ khai đăng ký khai sinh theo mẫu')).toBe(false)
    expect(isNote('Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.')).toBe(false)
    expect(isNote('Giấy báo tử. Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.')).toBe(false)
    expect(isNote('3. Bản sao hai bộ bản vẽ thiết kế, mỗi bộ gồm:')).toBe(false)
    expect(isNote('Ngoài các thành phần hồ sơ nêu trên, chủ đầu tư cần cung cấp dữ liệu BIM của công trình.')).toBe(false)
  })
})

describe('tidyComponents', () => {
  const source = [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu; ', copies: '1 bản chính', case: null },
    { name: 'Giấy chứng sinh', copies: '1 bản chính', case: 'Giấy tờ phải nộp' },
    { name: 'Lưu ý: không nộp bản sao', copies: '1 bản chính', case: null },
    { name: 'Hộ chiếu hoặc thẻ căn cước', copies: '1 bản chính', case: 'Giấy tờ phải xuất trình' },
    { name: 'Văn bản ủy quyền', copies: '1 bản sao', case: '- Trường hợp ủy quyền thực hiện thủ tục:' },
    { name: 'Văn bản ủy quyền', copies: '1 bản sao', case: 'Trường hợp ủy quyền thực hiện thủ tục' },
    { name: '  ', copies: '1 bản chính', case: null },
  ]

  it('numbers components in source order and sorts out notes, groups and what is only shown', () => {
    const { components, notes, dropped } = tidyComponents(source)
    expect(components).toEqual([
      { id: 'c1', name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0, presentOnly: false },
      { id: 'c2', name: 'Giấy chứng sinh', originals: 1, copies: 0, presentOnly: false },
      { id: 'c3', name: 'Hộ chiếu hoặc thẻ căn cước', originals: 1, copies: 0, presentOnly: true },
      { id: 'c4', name: 'Văn bản ủy quyền', originals: 0, copies: 1, group: 'Trường hợp ủy quyền thực hiện thủ tục', presentOnly: false },
    ])
    expect(notes).toEqual(['Lưu ý: không nộp bản sao'])
    expect(dropped).toHaveLength(2)
  })

  it('moves a source line to the notes when the reviewed table says so', () => {
    const { components, notes } = tidyComponents(source.slice(0, 2), new Set([2]))
    expect(components.map((c) => c.id)).toEqual(['c1'])
    expect(notes).toEqual(['Giấy chứng sinh'])
  })

  it('marks "xuất trình" headings and names as shown at the counter', () => {
    const { components } = tidyComponents([
      { name: 'Giấy xác nhận khuyết tật', copies: '1 bản chính', case: 'Khi nộp hồ sơ trực tiếp cần xuất trình các giấy tờ sau' },
      { name: 'Xuất trình thẻ căn cước còn hiệu lực', copies: '1 bản chính', case: null },
    ])
    expect(components.map((c) => [c.presentOnly, c.group])).toEqual([
      [true, 'Khi nộp hồ sơ trực tiếp cần xuất trình các giấy tờ sau'],
      [true, undefined],
    ])
  })

  it('tidies headings', () => {
    expect(tidyHeading('+ Trường hợp hộ kinh doanh tạm ngừng kinh doanh, thành phần hồ sơ gồm: ')).toBe(
      'Trường hợp hộ kinh doanh tạm ngừng kinh doanh, thành phần hồ sơ gồm',
    )
  })
})
