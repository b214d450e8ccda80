import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative base: dist/ can be copied under any path of an intranet host.
  base: './',
  plugins: [svelte()],
  // DuckDB-WASM's worker must stay a separate file served as-is (see ARCHITECTURE.md pitfalls).
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
