import { defineConfig } from 'vitest/config';

// `npm test`: unit tests and build-output tests (which build the sample site once).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    globalSetup: ['tests/support/global-build.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
