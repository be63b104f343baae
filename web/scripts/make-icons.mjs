// Renders the app icons (web/public/icons) from one SVG with headless Chromium.
// Run from web/: node scripts/make-icons.mjs (needs the e2e package installed).
import { writeFileSync } from 'node:fs'
import { chromium } from '../../e2e/node_modules/playwright-core/index.mjs'

const OUT = new URL('../public/icons/', import.meta.url)
const RED = '#a51c1c'

// A document with lines and a gold star. `scale` shrinks it into the maskable safe zone (the
// central 80% circle); `round` gives the plain icon its rounded corners.
const emblem = `
  <path d="M150 96h148l64 64v256a20 20 0 0 1-20 20H150a20 20 0 0 1-20-20V116a20 20 0 0 1 20-20z" fill="#fff"/>
  <path d="M298 96v44a20 20 0 0 0 20 20h44z" fill="#f3c9c9"/>
  <rect x="170" y="200" width="150" height="20" rx="10" fill="${RED}"/>
  <rect x="170" y="246" width="172" height="20" rx="10" fill="${RED}"/>
  <rect x="170" y="292" width="110" height="20" rx="10" fill="${RED}"/>
  <circle cx="352" cy="374" r="76" fill="#ffcd00" stroke="${RED}" stroke-width="12"/>
  <path d="M352 326L363.8 359.8L399.6 360.5L371 382.2L381.4 416.5L352 396L322.6 416.5L333 382.2L304.4 360.5L340.2 359.8z" fill="${RED}"/>`

const svg = (round, scale) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${round ? 96 : 0}" fill="${RED}"/>
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">${emblem}</g></svg>`

writeFileSync(new URL('icon.svg', OUT), svg(true, 1))
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
const page = await browser.newPage()
async function render(file, markup, size) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<style>body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`)
  await page.screenshot({ path: new URL(file, OUT).pathname, omitBackground: true })
}
await render('icon-192.png', svg(true, 1), 192)
await render('icon-512.png', svg(true, 1), 512)
await render('icon-maskable-512.png', svg(false, 0.78), 512)
await render('apple-touch-icon.png', svg(false, 0.85), 180)
await browser.close()
