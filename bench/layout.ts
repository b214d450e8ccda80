// Layout benchmark (docs/scale.md): in headless Chromium with DuckDB-WASM 1.32, three ways to load the partitioned
// build for (a) opening one report and (b) a national aggregate over every cell:
//   parquet-wasm  whole partition files fetched, decoded to Arrow, inserted into DuckDB (what src/db does today)
//   hyparquet     footer + only the row groups / columns needed, by HTTP range requests, decoded in JS
//   duckdb-file   a database file per report year built by native DuckDB, ATTACHed read-only over HTTP
// Each measure runs in a fresh browser with the cache disabled; DuckDB-WASM start-up is outside the timings.
// `tsx bench/run.ts --only layout [--data DIR] [--runs N]` (DIR: a build output, default bench/cache/out-30000).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Manifest } from '../src/core/manifest.ts';
import { BENCH_DIR, launchBrowser, printTable, summarize, writeResults, type BenchOptions } from './lib.ts';
import { startRangeServer } from './rangeServer.ts';

const PAGE_ROOT = path.join(BENCH_DIR, 'layout');
const PAGE_DIST = path.join(PAGE_ROOT, 'dist');
const OPEN_TABLES = ['sections', 'cells', 'checks', 'facts', 'texts'];
/** texts are left out of the database files: stored there they are ~10× their ZSTD Parquet size (825 MB for 30k reports) */
const DB_TABLES = OPEN_TABLES.filter((t) => t !== 'texts');
/** DuckDB-WASM 1.32 reads database files of this storage version (newer native files are refused) */
const WASM_STORAGE_VERSION = process.env.WB_WASM_STORAGE_VERSION ?? 'v1.0.0';

export async function buildLayoutPage(): Promise<void> {
  await build({
    root: PAGE_ROOT, configFile: false, base: './', logLevel: 'warn',
    build: { outDir: PAGE_DIST, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 8000 },
  });
}

/** One database file per report year: the per-report tables with province_code, sorted by province and report. */
export async function buildYearDatabases(dataDir: string, manifest: Manifest): Promise<string[]> {
  const years = [...new Set(manifest.layout!.files.filter((f) => f.table === 'cells').map((f) => f.report_year))];
  const out: string[] = [];
  const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' });
  const c = await instance.connect();
  try {
    for (const year of years) {
      const name = `db/report_year=${year ?? '__HIVE_DEFAULT_PARTITION__'}.no-texts.duckdb`;
      const file = path.join(dataDir, name);
      out.push(name);
      if (existsSync(file) && (await stat(file)).mtimeMs > (await stat(path.join(dataDir, 'manifest.json'))).mtimeMs) continue;
      await mkdir(path.dirname(file), { recursive: true });
      await rm(file, { force: true });
      await c.run(`ATTACH '${file}' AS y (STORAGE_VERSION '${WASM_STORAGE_VERSION}')`);
      for (const t of DB_TABLES) {
        const glob = path.join(dataDir, `parts/${t}/report_year=${year ?? '__HIVE_DEFAULT_PARTITION__'}/*/data.parquet`);
        await c.run(`CREATE TABLE y.${t} AS SELECT * EXCLUDE (report_year) FROM read_parquet('${glob}', hive_partitioning = true, hive_types = {'report_year': VARCHAR, 'province_code': VARCHAR}) ORDER BY province_code, report_id`);
      }
      await c.run('DETACH y');
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
  return out;
}

interface Measure { variant: string; op: string; ms: number; bytes: number; requests: number; ranges: number; rows: number; extra?: Record<string, number> }

async function freshPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.WB_RANGE_LOG) page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return { page, close: () => context.close() };
}

export async function layout(options: BenchOptions & { data?: string }): Promise<unknown> {
  const dataDir = path.resolve(options.data ?? path.join(BENCH_DIR, 'cache', `out-${options.reports ?? 30_000}`));
  const manifest = JSON.parse(await readFile(path.join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
  if (!manifest.layout) throw new Error(`${dataDir}/manifest.json has no layout: build it with this branch's build:data`);
  await buildLayoutPage();
  const dbs = await buildYearDatabases(dataDir, manifest);
  const files = manifest.layout.files;
  // the report to open: the middle report of the largest cells partition (the worst case for whole-file loading)
  const biggest = files.filter((f) => f.table === 'cells').sort((a, b) => b.bytes - a.bytes)[0]!;
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const ids = (await c.runAndReadAll(`SELECT report_id FROM read_parquet('${path.join(dataDir, biggest.path)}') GROUP BY 1 ORDER BY 1`)).getRowObjectsJS();
  c.closeSync();
  instance.closeSync();
  const reportId = String(ids[Math.floor(ids.length / 2)]!.report_id);
  const partition = files.filter((f) => OPEN_TABLES.includes(f.table) && f.report_year === biggest.report_year && f.province_code === biggest.province_code);
  const allCells = files.filter((f) => f.table === 'cells');
  const dbFile = dbs[Math.max(0, [...new Set(allCells.map((f) => f.report_year))].indexOf(biggest.report_year))]!;
  const cellsOfYear = allCells.filter((f) => f.report_year === biggest.report_year);
  const sizes = {
    partition_bytes: partition.reduce((a, f) => a + f.bytes, 0),
    year_cells_bytes: cellsOfYear.reduce((a, f) => a + f.bytes, 0),
    db_bytes: (await stat(path.join(dataDir, dbFile))).size,
    reports_in_partition: ids.length,
  };
  console.log(`data ${dataDir}: report ${reportId} in ${biggest.path.replace('/data.parquet', '')} (${ids.length} reports, ${(sizes.partition_bytes / 1e6).toFixed(1)} MB over ${partition.length} tables); year ${biggest.report_year}: cells ${(sizes.year_cells_bytes / 1e6).toFixed(1)} MB in ${cellsOfYear.length} files, database file ${(sizes.db_bytes / 1e6).toFixed(1)} MB`);

  const server = await startRangeServer(PAGE_DIST, dataDir);
  const parts = (fs: typeof files) => fs.map((f) => ({ table: f.table, path: f.path }));
  const ops: { variant: string; op: string; call: (page: Page) => Promise<Record<string, number>> }[] = [
    { variant: 'parquet-wasm', op: 'open report', call: (p) => p.evaluate(([ps, id]) => (window as any).layoutBench.parquetWasmOpen(ps, id), [parts(partition), reportId] as const) },
    { variant: 'hyparquet', op: 'open report', call: (p) => p.evaluate(([ps, id]) => (window as any).layoutBench.hyparquetOpen(ps, id), [parts(partition), reportId] as const) },
    { variant: 'duckdb-file', op: 'open report', call: (p) => p.evaluate(([db, id, ts]) => (window as any).layoutBench.duckdbOpen(db, id, ts), [dbFile, reportId, DB_TABLES] as const) },
    { variant: 'parquet-wasm', op: 'national aggregate', call: (p) => p.evaluate((ps) => (window as any).layoutBench.parquetWasmNational(ps), parts(cellsOfYear)) },
    { variant: 'hyparquet', op: 'national aggregate', call: (p) => p.evaluate((ps) => (window as any).layoutBench.hyparquetNational(ps), parts(cellsOfYear)) },
    { variant: 'duckdb-file', op: 'national aggregate', call: (p) => p.evaluate((db) => (window as any).layoutBench.duckdbNational(db), dbFile) },
  ];
  // WB_LAYOUT_ONLY='hyparquet:open report,…' measures a subset
  const only = process.env.WB_LAYOUT_ONLY?.split(',');
  if (only) ops.splice(0, ops.length, ...ops.filter((o) => only.includes(`${o.variant}:${o.op}`)));
  const measures: Measure[] = [];
  let version = '';
  try {
    for (let run = 0; run < options.warmup + options.runs; run++) {
      for (const o of ops) {
        const browser = await launchBrowser();
        try {
          const { page, close } = await freshPage(browser, server.url);
          version = (await page.evaluate(() => (window as any).layoutBench.init())).version;
          server.reset();
          const r = await o.call(page);
          const n = server.counters();
          await close();
          if (run >= options.warmup) measures.push({ variant: o.variant, op: o.op, ms: r.ms!, rows: r.rows!, bytes: n.bytes, requests: n.requests, ranges: n.ranges, extra: r });
        } catch (error) {
          console.log(`${o.variant} ${o.op}: ${String(error).split('\n')[0]}`);
          if (run >= options.warmup) measures.push({ variant: o.variant, op: o.op, ms: Number.NaN, rows: 0, bytes: 0, requests: 0, ranges: 0 });
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  const rows = ops.map((o) => {
    const m = measures.filter((x) => x.variant === o.variant && x.op === o.op);
    const s = summarize(m.map((x) => x.ms).filter(Number.isFinite));
    const last = m.at(-1)!;
    return [o.op, o.variant, s.median, s.min, s.max, last.bytes / 1e6, last.requests, last.ranges, last.rows] as (string | number)[];
  });
  console.log(`DuckDB-WASM ${version}, ${options.runs} runs each`);
  printTable(['operation', 'variant', 'median ms', 'min', 'max', 'MB fetched', 'requests', 'ranges', 'rows'], rows);
  const file = await writeResults('layout', { data: dataDir, report_id: reportId, sizes, version, measures });
  console.log(`results: ${file}`);
  return measures;
}
