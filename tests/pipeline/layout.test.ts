// The partitioned layout (parts/): every row of a per-report table is in exactly one partition, the one of its
// report's year and province, sorted by report inside; report_metrics is the view's result precomputed; the manifest
// lists each file with its rows and bytes.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/core/manifest.ts';
import { buildData } from '../../src/pipeline/buildData.ts';
import { loadParquetTables } from '../../src/pipeline/loadParquetTables.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { quoteLiteral } from '../../src/pipeline/sql.ts';
import { PARTITIONED, partitionPath } from '../../src/pipeline/writeLayout.ts';
import { generateCorpus } from '../../tools/synth/generate.ts';

let dir: string;
let out: string;
let db: OpenDuckDB;
let manifest: Manifest;
const query = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
const lit = (p: string) => quoteLiteral(join(out, p));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-layout-'));
  await mkdir(join(dir, 'in'));
  for (const r of generateCorpus(11, 30, { realistic: { years: [2022, 2023] } })) await writeFile(join(dir, 'in', r.file), r.text);
  out = join(dir, 'out');
  await buildData({ inputs: [join(dir, 'in')], outDir: out, logger: silentLogger, workers: 0 });
  manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  db = await openDuckDB();
  await loadParquetTables(db.connection, out);
  await db.connection.run(await readFile(new URL('../../src/db/views.sql', import.meta.url), 'utf8'));
}, 60_000);
afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('parts/ layout', () => {
  test('the manifest lists every partition file with its real rows and bytes', async () => {
    const layout = manifest.layout!;
    expect(layout.partition_by).toEqual(['report_year', 'province_code']);
    expect(layout.first_screen).toEqual(['reports', 'report_metrics']);
    for (const f of layout.files) {
      const [m] = await query(`SELECT sum(num_rows)::INTEGER AS n FROM parquet_file_metadata(${lit(f.path)})`);
      expect(m!.n, f.path).toBe(f.rows);
      expect((await stat(join(out, f.path))).size).toBe(f.bytes);
      if (f.table !== 'report_metrics') expect(f.path).toBe(`parts/${f.table}/${partitionPath(f.report_year, f.province_code!)}/data.parquet`);
    }
  });

  test.each(PARTITIONED.map((t) => [t]))('%s: the partitions hold exactly the flat table, each row under its report year and province', async (t) => {
    const files = manifest.layout!.files.filter((f) => f.table === t);
    expect(files.length).toBeGreaterThan(3);
    const parts = `read_parquet(${lit(`parts/${t}/**/*.parquet`)}, hive_partitioning = true, hive_types = {'report_year': INTEGER, 'province_code': VARCHAR})`;
    const [diff] = await query(`SELECT
      (SELECT count(*) FROM (SELECT * EXCLUDE (report_year, province_code) FROM ${parts} EXCEPT ALL SELECT * FROM ${t}))::INTEGER AS extra,
      (SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * EXCLUDE (report_year, province_code) FROM ${parts}))::INTEGER AS missing,
      (SELECT count(*) FROM ${parts})::INTEGER AS n`);
    expect(diff).toEqual({ extra: 0, missing: 0, n: files.reduce((a, f) => a + f.rows, 0) });
    const [wrong] = await query(`SELECT count(*)::INTEGER AS n FROM ${parts} p JOIN reports r USING (report_id)
      WHERE p.report_year IS DISTINCT FROM r.report_year OR p.province_code <> coalesce(left(r.region_code, 2), '00')`);
    expect(wrong!.n).toBe(0);
  });

  test('each partition is sorted by report, so a reader of one report skips the other row groups', async () => {
    const rows = await query(`SELECT filename, report_id FROM read_parquet(${lit('parts/cells/**/*.parquet')}, filename = true, file_row_number = true) ORDER BY filename, file_row_number`);
    const byFile = new Map<string, typeof rows>();
    for (const r of rows) byFile.set(String(r.filename), [...(byFile.get(String(r.filename)) ?? []), r]);
    expect(byFile.size).toBeGreaterThan(3);
    for (const ids of byFile.values()) {
      const list = ids.map((r) => String(r.report_id));
      expect(list).toEqual([...list].sort());
    }
  });

  test('report_metrics.parquet is the report_metrics view, computed once at build time', async () => {
    const t = `read_parquet(${lit('parts/report_metrics.parquet')})`;
    const [d] = await query(`SELECT (SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM report_metrics))::INTEGER AS extra,
      (SELECT count(*) FROM (SELECT * FROM report_metrics EXCEPT ALL SELECT * FROM ${t}))::INTEGER AS missing, (SELECT count(*) FROM ${t})::INTEGER AS n`);
    expect(d).toEqual({ extra: 0, missing: 0, n: 30 });
  });
});
