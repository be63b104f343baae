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
    // What a page shows after a click or a sync can take seconds on a loaded 2-core CI machine:
    // expect.poll waits up to 10 s by default here, not vitest's 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
})
