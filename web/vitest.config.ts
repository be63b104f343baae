import vue from '@vitejs/plugin-vue'
import { defineProject } from 'vitest/config'
import { featureFlags, precompiledMessages } from './config/i18n-precompile.ts'

export default defineProject({
  plugins: [vue(), precompiledMessages()],
  define: featureFlags,
  test: {
    name: 'web',
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['src/**/*.test.ts'],
    // Through vite, so that `define` sets vue-i18n's flags as in the build (precompiled messages).
    server: { deps: { inline: ['petite-vue-i18n', /@intlify\//] } },
  },
})
