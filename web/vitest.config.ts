import vue from '@vitejs/plugin-vue'
import { defineProject } from 'vitest/config'
import { featureFlags, precompiledMessages } from './config/i18n-precompile.ts'

export default defineProject({
  plugins: [vue(), precompiledMessages()],
  define: featureFlags,
  // tus-js-client picks its Node build outside a bundler for the browser; the app runs the
  // browser build (Blob sources), so tests do too.
  resolve: { alias: { 'tus-js-client': 'tus-js-client/lib.es5/browser/index.js' } },
  test: {
    name: 'web',
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['src/**/*.test.ts'],
    // Through vite, so that `define` sets vue-i18n's flags as in the build (precompiled messages).
    server: { deps: { inline: ['petite-vue-i18n', /@intlify\//] } },
  },
})
