import { defineConfig } from 'vitest/config';

/** End-to-end tests in Debian's Chromium over the built app (see tests/e2e/harness): the `e2e` project of vitest.config.ts. */
export const E2E = {
  include: ['tests/e2e/**/*.e2e.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

// Kept so that `npx vitest run --config vitest.e2e.config.ts tests/e2e/x.e2e.ts` runs one e2e file as before.
export default defineConfig({ test: { ...E2E, environment: 'node', env: { TZ: 'UTC' } } });
