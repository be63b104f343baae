import { defineConfig } from 'vitest/config'

// End-to-end journeys: the built app on a real port, driven in Debian's Chromium. Files run one
// after another (2 cores: one browser and one server at a time keep timings honest).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
})
