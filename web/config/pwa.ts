/**
 * The PWA in one place: the web manifest and how the service worker is built. The worker has
 * its own logic (src/pwa/sw.ts), so it is built with `injectManifest`; the app registers it
 * itself (src/pwa/update.ts) to show its own update prompt.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa'

export const THEME_COLOR = '#a51c1c'

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/pwa',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: {
    name: 'Cổng Dịch vụ công — Thái Nguyên',
    short_name: 'Dịch vụ công',
    description: 'Tra cứu thủ tục hành chính và nộp hồ sơ trực tuyến, cả khi mất mạng.',
    lang: 'vi',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    id: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // The app, its lazy routes, the search chunk and the address list (a .json asset, fetched by
    // the first address field): everything the app needs offline.
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
  },
}
