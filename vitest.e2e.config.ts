import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: browser tests in Debian's Chromium against the built sample site.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/support/global-e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One browser-heavy file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
