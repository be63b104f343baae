import { describe, expect, it } from 'vitest'
import { FALLBACK_TEMPLATE, parseTemplate } from './template.ts'

const WEB_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Cổng Dịch vụ công</title>
    <meta name="description" content="App description" />
    <link rel="manifest" href="/manifest.webmanifest">
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <!--ssr-head-->
  </head>
  <body>
    <div id="app"><!--ssr-body--></div>
  </body>
</html>`

describe('page template from the web build', () => {
  it('puts head and body at the placeholders, replacing the title and description', () => {
    const page = parseTemplate(WEB_INDEX).page('<title>Trang</title>', '<main>Nội dung $& $1</main>')
    expect(page).toContain('<html lang="vi">')
    expect(page.match(/<title>/g)).toHaveLength(1)
    expect(page).toContain('<title>Trang</title>')
    expect(page).not.toContain('App description')
    expect(page).toContain('<div id="app"><main>Nội dung $& $1</main></div>')
    expect(page).toContain('/assets/index-abc.js')
    expect(page).toContain('rel="manifest"')
  })

  it('the shell keeps the app title and drops the placeholders', () => {
    const { shell, warnings } = parseTemplate(WEB_INDEX)
    expect(warnings).toEqual([])
    expect(shell).toContain('<title>Cổng Dịch vụ công</title>')
    expect(shell).not.toContain('ssr-')
    expect(shell).toContain('<div id="app"></div>')
  })

  it('without placeholders, still renders (head before </head>, body in #app) and warns', () => {
    const template = parseTemplate('<!doctype html><html><head><title>x</title></head><body><div id="app"></div></body></html>')
    expect(template.warnings).toHaveLength(2)
    expect(template.page('<title>T</title>', '<h1>B</h1>')).toBe(
      '<!doctype html><html lang="vi"><head><title>T</title></head><body><div id="app"><h1>B</h1></div></body></html>',
    )
  })

  it('the built-in template links the manifest and has both placeholders', () => {
    const template = parseTemplate(FALLBACK_TEMPLATE)
    expect(template.warnings).toEqual([])
    expect(template.page('', '<h1>x</h1>')).toContain('rel="manifest"')
  })
})
