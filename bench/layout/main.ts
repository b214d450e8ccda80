// Throwaway page of the layout benchmark (bench/layout.ts): three ways to get one report's rows, or a national
// aggregate over every cell, into the tab. Each call runs in a fresh page; DuckDB-WASM is started the app's way.
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { asyncBufferFromUrl, parquetMetadataAsync, parquetRead, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

interface Part { table: string; path: string }
const NATIONAL_SQL = (t: string) =>
  `SELECT row_key, sum(value) AS v, count(*) AS n FROM ${t} WHERE table_id = 'applications' GROUP BY row_key ORDER BY row_key`;

let db: duckdb.AsyncDuckDB | null = null;
let conn: duckdb.AsyncDuckDBConnection | null = null;

async function init(): Promise<{ version: string; ms: number }> {
  const t0 = performance.now();
  const worker = new Worker(workerUrl);
  db = new duckdb.AsyncDuckDB({ log: () => {} }, worker);
  await db.instantiate(wasmUrl);
  // range reads of registered URLs need the server's answer to a HEAD with a Range header (any static host gives it)
  await db.open({ query: { castBigIntToDouble: true }, filesystem: { reliableHeadRequests: true } });
  conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  const v = (await conn.query('SELECT version() AS v')).getChildAt(0)!.get(0) as string;
  await initParquet({ module_or_path: parquetWasmUrl });
  return { version: v, ms: performance.now() - t0 };
}

const abs = (p: string) => new URL(`data/${p}`, location.href).href;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** parquet-wasm: fetch whole partition files, decode to Arrow IPC, insert into DuckDB tables. */
async function loadParquetWasm(parts: readonly Part[]): Promise<void> {
  const created = new Set<string>();
  await Promise.all(parts.map(async (p) => {
    const bytes = new Uint8Array(await (await fetch(abs(p.path))).arrayBuffer());
    const table = readParquet(bytes);
    if (table.numBatches === 0) return;
    const ipc = table.intoIPCStream();
    // DuckDB-WASM runs the inserts in the order they are sent: the first creates the table
    const create = !created.has(p.table);
    created.add(p.table);
    await conn!.insertArrowFromIPCStream(ipc, { name: p.table, create });
  }));
}

async function rowsOf(sql: string): Promise<number> {
  return (await conn!.query(sql)).numRows;
}

async function parquetWasmOpen(parts: Part[], reportId: string) {
  const t0 = performance.now();
  await loadParquetWasm(parts);
  let rows = 0;
  for (const t of new Set(parts.map((p) => p.table))) rows += await rowsOf(`SELECT * FROM ${t} WHERE report_id = ${lit(reportId)}`);
  return { ms: performance.now() - t0, rows };
}

async function parquetWasmNational(parts: Part[]) {
  const t0 = performance.now();
  await loadParquetWasm(parts);
  const loaded = performance.now() - t0;
  const rows = await rowsOf(NATIONAL_SQL('cells'));
  return { ms: performance.now() - t0, loaded_ms: loaded, rows };
}

/**
 * hyparquet: the footer, then only the row groups whose report_id min/max statistics can hold the report (the
 * partitions are sorted by report), each fetched by HTTP range requests and decoded in JS.
 */
async function hyparquetOpen(parts: Part[], reportId: string) {
  const t0 = performance.now();
  let groups = 0;
  const found = await Promise.all(parts.map(async (p) => {
    const file = await asyncBufferFromUrl({ url: abs(p.path) });
    // the footer of a partition is ~10 KB; hyparquet's default first read is the last 512 KB of the file
    const metadata = await parquetMetadataAsync(file, { initialFetchSize: 32 * 1024 });
    let start = 0;
    let n = 0;
    for (const rg of metadata.row_groups) {
      const rows = Number(rg.num_rows);
      const stats = rg.columns.find((c) => c.meta_data?.path_in_schema[0] === 'report_id')?.meta_data?.statistics;
      const min = stats?.min_value ?? stats?.min;
      const max = stats?.max_value ?? stats?.max;
      if (min === undefined || max === undefined || (String(min) <= reportId && reportId <= String(max))) {
        groups++;
        const got = await parquetReadObjects({ file, metadata, compressors, rowStart: start, rowEnd: start + rows });
        n += got.filter((r) => r.report_id === reportId).length;
      }
      start += rows;
    }
    return n;
  }));
  return { ms: performance.now() - t0, rows: found.reduce((a, b) => a + b, 0), row_groups: groups };
}

/** hyparquet: only the three columns the aggregate reads, aggregated in JS. */
async function hyparquetNational(parts: Part[]) {
  const t0 = performance.now();
  const sums = new Map<string, { v: number; n: number }>();
  await Promise.all(parts.map(async (p) => {
    const file = await asyncBufferFromUrl({ url: abs(p.path) });
    const metadata = await parquetMetadataAsync(file);
    const cols: Record<string, unknown[]> = {};
    await parquetRead({
      file, metadata, compressors, columns: ['table_id', 'row_key', 'value'],
      onChunk: (c) => {
        const a = (cols[c.columnName] ??= []);
        for (let i = 0; i < c.columnData.length; i++) a[c.rowStart + i] = c.columnData[i];
      },
    });
    const [t, r, v] = [cols.table_id!, cols.row_key!, cols.value!];
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== 'applications') continue;
      const s = sums.get(r[i] as string) ?? { v: 0, n: 0 };
      s.v += (v[i] as number | null) ?? 0;
      s.n++;
      sums.set(r[i] as string, s);
    }
  }));
  return { ms: performance.now() - t0, rows: sums.size };
}

/** A DuckDB database file built by native DuckDB, attached read-only over HTTP (range reads of its blocks). */
async function attach(dbPath: string): Promise<void> {
  await db!.registerFileURL('layout.duckdb', abs(dbPath), duckdb.DuckDBDataProtocol.HTTP, true);
  await conn!.query(`ATTACH 'layout.duckdb' AS y (READ_ONLY)`);
}

async function duckdbOpen(dbPath: string, reportId: string, tables: string[]) {
  const t0 = performance.now();
  await attach(dbPath);
  const attached = performance.now() - t0;
  let rows = 0;
  for (const t of tables) rows += await rowsOf(`SELECT * FROM y.${t} WHERE report_id = ${lit(reportId)}`);
  return { ms: performance.now() - t0, attach_ms: attached, rows };
}

async function duckdbNational(dbPath: string) {
  const t0 = performance.now();
  await attach(dbPath);
  const rows = await rowsOf(NATIONAL_SQL('y.cells'));
  return { ms: performance.now() - t0, rows };
}

async function memory() {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return { js_heap: m?.usedJSHeapSize ?? null };
}

(window as unknown as { layoutBench: unknown }).layoutBench = {
  init, parquetWasmOpen, parquetWasmNational, hyparquetOpen, hyparquetNational, duckdbOpen, duckdbNational, memory,
};
document.getElementById('status')!.textContent = 'ready';
