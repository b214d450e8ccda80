import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Chromium (see tests/e2e/harness). Run: npm run test:e2e
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' },
  },
});
