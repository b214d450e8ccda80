import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { pdfjsAssets } from './scripts/pdfjsAssets.ts';

const syncZip = fileURLToPath(new URL('./src/export/fflateSyncZip.ts', import.meta.url));

/** See src/export/fflateSyncZip.ts: write-excel-file gets an fflate whose zip() needs no blob: worker. */
const xlsxSyncZip: Plugin = {
  name: 'xlsx-sync-zip',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === 'fflate' && importer?.includes('/node_modules/write-excel-file/') ? syncZip : null;
  },
};

export default defineConfig({
  // Relative base: dist/ can be copied under any path of an intranet host.
  base: './',
  plugins: [svelte(), pdfjsAssets()],
  // DuckDB-WASM's worker must stay a separate file served as-is (see ARCHITECTURE.md pitfalls).
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm', 'write-excel-file'] },
  // The export worker loads its XLSX and Parquet writers on demand: code-splitting needs ES module workers.
  worker: { format: 'es', plugins: () => [xlsxSyncZip] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
