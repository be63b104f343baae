import { defineConfig } from 'vitest/config'

// Unit tests of the dev tools in scripts/ (the catalogue import's parsers).
export default defineConfig({
  test: { name: 'scripts', include: ['**/*.test.ts'] },
})
