import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (Debian's) against the production build in dist/.
// Limits are sized for a loaded 2-core machine with software WebGL: they only bound how long a
// failing test takes; no test passes or fails on a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
