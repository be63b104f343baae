import { describe, expect, it } from 'vitest'
import { escapeHtml, html, jsonLd, pageData, raw } from './html.ts'

describe('html builder', () => {
  it('escapes every interpolated string', () => {
    const name = `<script>alert("x")</script> & 'y'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    )
  })

  it('nests built markup, joins arrays, drops null, undefined and booleans', () => {
    const items = ['a<', 'b']
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}${true}${0}`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>0',
    )
    expect(html`${raw('<br>')}`.value).toBe('<br>')
    expect(escapeHtml('Đăng ký')).toBe('Đăng ký')
  })

  it('JSON-LD cannot close its script element', () => {
    const block = jsonLd({ name: '</script><script>alert(1)</script><!--' }).value
    expect(block.match(/<\/script>/g)).toHaveLength(1)
    const json = block.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script><!--' })
  })

  it('the page data for the app cannot close its script element either', () => {
    const block = pageData({ name: '</script><!--\u2028' }).value
    expect(block.match(/<\/script>/g)).toHaveLength(1)
    const json = block.slice('<script type="application/json" id="page-data">'.length, -'</script>'.length)
    expect(JSON.parse(json)).toEqual({ name: '</script><!--\u2028' })
  })
})
