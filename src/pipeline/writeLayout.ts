import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
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
/** Row groups small enough that a reader of one report fetches little more than its rows (measured in docs/scale.md). */
export const LAYOUT_ROW_GROUP_SIZE = 10_000;
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
 * `relations` are the output tables' SELECTs.
 */
export async function writeOutputs(
  connection: DuckDBConnection,
  outDir: string,
  relations: Record<TableName, string>,
  step?: (table: string) => void,
): Promise<WrittenOutputs> {
  const root = join(outDir, LAYOUT_DIR);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const files: LayoutFile[] = [];
  const flat = {} as WrittenOutputs['flat'];

  await connection.run(`CREATE OR REPLACE TEMP TABLE layout_keys AS
    SELECT report_id, report_year, coalesce(left(region_code, 2), '00') AS province_code FROM (${relations.reports})`);
  for (const { name } of TABLES) {
    const file = `${name}.parquet`;
    const partitioned = (PARTITIONED as readonly string[]).includes(name);
    if (!partitioned) {
      flat[name] = { file, ...(await copyTo(connection, `${relations[name]} ORDER BY ${orderBy(name)}`, join(outDir, file), ROW_GROUP_SIZE)) };
      step?.(name);
      continue;
    }
    const table = name as (typeof PARTITIONED)[number];
    // materialised once with its partition; each partition is then sorted on its own (small sorts in memory), and
    // the flat file is the partitions one after another, so no sort ever spans the whole corpus
    await connection.run(`CREATE OR REPLACE TEMP TABLE layout_rows AS
      SELECT x.*, k.report_year AS _y, k.province_code AS _p FROM (${relations[table]}) x JOIN layout_keys k USING (report_id)`);
    const parts = (await connection.runAndReadAll('SELECT _y, _p FROM layout_rows GROUP BY ALL ORDER BY _y NULLS FIRST, _p')).getRowObjectsJS();
    const written: string[] = [];
    for (const { _y, _p } of parts) {
      const year = _y === null ? null : Number(_y);
      const rel = `${LAYOUT_DIR}/${table}/${partitionPath(year, String(_p))}/data.parquet`;
      await mkdir(join(outDir, rel, '..'), { recursive: true });
      const where = `_y ${year === null ? 'IS NULL' : `= ${year}`} AND _p = ${quoteLiteral(String(_p))}`;
      const w = await copyTo(connection, `SELECT ${cols(contractColumns(table))} FROM layout_rows WHERE ${where} ORDER BY ${orderBy(table)}`, join(outDir, rel), LAYOUT_ROW_GROUP_SIZE);
      files.push({ table, report_year: year, province_code: String(_p), path: rel, ...w });
      written.push(join(outDir, rel));
    }
    await connection.run('DROP TABLE layout_rows');
    // hive_partitioning off: the partition columns are in the paths, not in the contract
    const from = written.length ? `read_parquet([${written.map(quoteLiteral).join(', ')}], hive_partitioning = false)` : `(${relations[table]})`;
    flat[name] = { file, ...(await copyTo(connection, `SELECT * FROM ${from}`, join(outDir, file), ROW_GROUP_SIZE)) };
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
