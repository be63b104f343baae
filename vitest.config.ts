import { defineConfig } from 'vitest/config'

// Unit and integration tests of each package; end-to-end journeys run separately (e2e/).
export default defineConfig({
  test: {
    projects: ['shared', 'bff', 'web', 'scripts'],
  },
})
