import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Layout, LayoutFile } from '../core/manifest.ts';
import { TABLES, type TableName } from '../core/schema.ts';
import { contractColumns, type ReportTable } from './partTables.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';
import { withTempFile } from './writeFileAtomic.ts';
import { ROW_GROUP_SIZE, SORT_KEYS } from './writeParquet.ts';

/** Folder of the partitioned layout inside the output folder. */
export const LAYOUT_DIR = 'parts';
/** Loaded only when named, one file per report year × province (docs/scale.md says why this split). */
export const PARTITIONED = ['sections', 'cells', 'checks', 'facts', 'texts'] as const satisfies readonly ReportTable[];
/**
 * Rows per row group: small enough that a reader of one report fetches little more than its own rows by range
 * requests (docs/scale.md): ~50 reports' cells, or 64 texts (~0.6 MB of text before compression).
 */
export const LAYOUT_ROW_GROUP_SIZE: Readonly<Record<(typeof PARTITIONED)[number], number>> = {
  sections: 10_000, cells: 10_000, checks: 10_000, facts: 10_000, texts: 64,
};
/** A row group is buffered whole while it is written: 2,048 texts are ≈20 MB, 100,000 would be ≈1 GB. */
const TEXTS_ROW_GROUP_SIZE = 2048;
const VIEWS_SQL = new URL('../db/views.sql', import.meta.url);

/** `report_year=2023/province_code=42`; a missing year is Hive's default partition, as Spark and DuckDB write it. */
export const partitionPath = (year: number | null, province: string): string =>
  `report_year=${year ?? '__HIVE_DEFAULT_PARTITION__'}/province_code=${province}`;

const cols = (names: readonly string[]) => names.map((n) => quoteIdent(n)).join(', ');
const orderBy = (t: TableName) => SORT_KEYS[t].map((k) => `${quoteIdent(k)} NULLS FIRST`).join(', ');

async function copyTo(connection: DuckDBConnection, select: string, path: string, rowGroup: number): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  await withTempFile(path, async (tmp) => {
    const r = await connection.runAndReadAll(`COPY (${select}) TO ${quoteLiteral(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroup})`);
    rows = Number(r.getRows()[0]?.[0] ?? 0);
  });
  return { rows, bytes: (await stat(path)).size };
}

export interface WrittenOutputs {
  /** the flat `<table>.parquet` files */
  flat: Record<TableName, { file: string; rows: number; bytes: number }>;
  layout: Layout;
}

/**
 * Writes the flat tables the browser reads today (`<table>.parquet`, sorted by report) and the layout of
 * docs/scale.md: `parts/report_metrics.parquet` (one row per report, computed with src/db/views.sql) for the first
 * screen, and each per-report table split into `parts/<table>/report_year=Y/province_code=PP/data.parquet` (Hive
 * partitioning; PP is the first two digits of the GB/T 2260 code, 00 when there is none). Each partition is sorted
 * by report; a flat per-report table is its partitions one after another (sorted by year, province, then report).
 * `relations` are the output tables' SELECTs; `tmpDir` takes the staging files.
 */
export async function writeOutputs(
  connection: DuckDBConnection,
  outDir: string,
  relations: Record<TableName, string>,
  tmpDir: string,
  step?: (table: string) => void,
): Promise<WrittenOutputs> {
  const root = join(outDir, LAYOUT_DIR);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const files: LayoutFile[] = [];
  const flat = {} as WrittenOutputs['flat'];

  await connection.run(`CREATE OR REPLACE TEMP TABLE layout_keys AS
    SELECT report_id, report_year, coalesce(left(region_code, 2), '00') AS province_code FROM (${relations.reports})`);
  const partitions = (await connection.runAndReadAll('SELECT report_year, province_code FROM layout_keys GROUP BY ALL ORDER BY report_year NULLS FIRST, province_code'))
    .getRowObjectsJS()
    .map((r) => ({ report_year: r.report_year === null ? null : Number(r.report_year), province_code: String(r.province_code) }));
  for (const { name } of TABLES) {
    const file = `${name}.parquet`;
    const partitioned = (PARTITIONED as readonly string[]).includes(name);
    if (!partitioned) {
      flat[name] = { file, ...(await copyTo(connection, `${relations[name]} ORDER BY ${orderBy(name)}`, join(outDir, file), ROW_GROUP_SIZE)) };
      step?.(name);
      continue;
    }
    const table = name as (typeof PARTITIONED)[number];
    // one parallel pass splits the rows by partition into staging files; each partition is then sorted on its own
    // (a small sort, in memory), and the flat file is the partitions one after another: no sort, and no scan of a
    // spilled table, ever spans the whole corpus
    const stage = join(tmpDir, `stage_${table}`);
    // the staging order does not matter (each partition is sorted next), and keeping it would hold every open
    // partition's rows in memory; small row groups bound what each open partition writer buffers (texts are large)
    await connection.run('SET preserve_insertion_order = false');
    // each thread buffers this many rows per open partition before writing (default 524,288: 120k texts ran out of memory at 512)
    await connection.run(`SET partitioned_write_flush_threshold = ${table === 'texts' ? 128 : 65_536}`);
    // the optimizer made the texts the build side of the hash join with the keys and ran out of memory at 120k
    // (reproduced at 30k under a 200 MB limit); written as it is, the small layout_keys is the build side
    await connection.run(`SET disabled_optimizers = 'build_side_probe_side'`);
    try {
      await connection.run(`COPY (SELECT x.*, k.report_year AS _y, k.province_code AS _p FROM (${relations[table]}) x JOIN layout_keys k USING (report_id))
        TO ${quoteLiteral(stage)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (_y, _p), OVERWRITE_OR_IGNORE, ROW_GROUP_SIZE ${table === 'texts' ? 128 : 16384})`);
    } finally {
      await connection.run('SET preserve_insertion_order = true');
      await connection.run('RESET partitioned_write_flush_threshold');
      await connection.run('RESET disabled_optimizers');
    }
    const written: string[] = [];
    for (const { report_year: year, province_code } of partitions) {
      const dir = join(stage, `_y=${year ?? '__HIVE_DEFAULT_PARTITION__'}`, `_p=${province_code}`);
      if (!existsSync(dir)) continue;
      const rel = `${LAYOUT_DIR}/${table}/${partitionPath(year, province_code)}/data.parquet`;
      await mkdir(join(outDir, rel, '..'), { recursive: true });
      const source = `read_parquet(${quoteLiteral(join(dir, '*.parquet'))}, hive_partitioning = false)`;
      const w = await copyTo(connection, `SELECT ${cols(contractColumns(table))} FROM ${source} ORDER BY ${orderBy(table)}`, join(outDir, rel), LAYOUT_ROW_GROUP_SIZE[table]);
      files.push({ table, report_year: year, province_code, path: rel, ...w });
      written.push(join(outDir, rel));
    }
    const stagedFiles = existsSync(stage) ? (await readdir(stage, { recursive: true })).filter((f) => f.endsWith('.parquet')).map((f) => join(stage, f)) : [];
    const staged = stagedFiles.length
      ? (await connection.runAndReadAll(`SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata([${stagedFiles.map(quoteLiteral).join(', ')}])`)).getRows()[0]![0]
      : 0;
    const kept = files.filter((f) => f.table === table).reduce((a, f) => a + f.rows, 0);
    if (Number(staged) !== kept) throw new Error(`${table}: ${staged} rows staged but ${kept} written to partitions (a partition folder was not found)`);
    await rm(stage, { recursive: true, force: true });
    // hive_partitioning off: the partition columns are in the paths, not in the contract
    const from = written.length ? `read_parquet([${written.map(quoteLiteral).join(', ')}], hive_partitioning = false)` : `(${relations[table]})`;
    flat[name] = { file, ...(await copyTo(connection, `SELECT * FROM ${from}`, join(outDir, file), table === 'texts' ? TEXTS_ROW_GROUP_SIZE : ROW_GROUP_SIZE)) };
    step?.(name);
  }

  // the first screen's per-report metrics: the view's own SQL over the files just written, run once here instead
  // of over every cell in the tab
  for (const t of ['reports', 'cells', 'checks', 'labels'] as const)
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT * FROM read_parquet(${quoteLiteral(join(outDir, flat[t].file))})`);
  await connection.run(await readFile(VIEWS_SQL, 'utf8'));
  const metrics = await copyTo(connection, 'SELECT * FROM report_metrics ORDER BY report_id', join(root, 'report_metrics.parquet'), ROW_GROUP_SIZE);
  step?.('report_metrics');
  files.unshift({ table: 'report_metrics', report_year: null, province_code: null, path: `${LAYOUT_DIR}/report_metrics.parquet`, ...metrics });
  return { flat, layout: { version: 1, dir: LAYOUT_DIR, partition_by: ['report_year', 'province_code'], first_screen: ['reports', 'report_metrics'], files } };
}
