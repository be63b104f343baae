import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { featureFlags, precompiledMessages } from './config/i18n-precompile.ts'
import { precompress } from './config/precompress.ts'
import { pwaOptions } from './config/pwa.ts'

export default defineConfig({
  plugins: [vue(), precompiledMessages(), VitePWA(pwaOptions), precompress()],
  define: featureFlags,
  build: {
    // Every browser we target preloads modules natively; the polyfill would cost bytes on the home route.
    modulePreload: { polyfill: false },
  },
  server: {
    // Develop against a running BFF (pnpm start, port 8080 unless BFF_URL says otherwise).
    proxy: { '/api': process.env.BFF_URL ?? 'http://localhost:8080' },
  },
})
