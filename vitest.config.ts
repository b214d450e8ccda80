import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { E2E } from './vitest.e2e.config.ts';

/**
 * Three projects: `unit` (fast, every push: npm run test:unit), `property` (seeded generators and fuzzing over the
 * parser: minutes), `e2e` (real Chromium over the built app). `npm test` runs all three.
 */
export const PROPERTY = [
  'tests/core/fuzz.test.ts',
  'tests/core/robustness.test.ts',
  'tests/core/robustnessDocument.test.ts',
  'tests/core/synth.test.ts',
  'tests/core/synth-a.test.ts',
  'tests/core/synth-b.test.ts',
  'tests/core/synthDocument.test.ts',
  // 200 generated reports in four forms (LibreOffice fixtures cached by npm run fixtures:office)
  'tests/core/read/fourFormats.test.ts',
];

export default defineConfig({
  // runes in *.svelte.ts state classes are compiled for the tests that use them
  plugins: [svelte()],
  test: {
    env: { TZ: 'UTC' },
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...PROPERTY],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // files share their worker's modules: DuckDB-WASM (34 MB) is compiled once per worker, not once per file
          isolate: false,
        },
      },
      { extends: true, test: { name: 'property', include: PROPERTY, testTimeout: 120_000 } },
      { extends: true, test: { name: 'e2e', ...E2E } },
    ],
  },
});
