import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildData, type BuildSummary } from '../../src/pipeline/buildData.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { quoteLiteral } from '../../src/pipeline/sql.ts';

const SEED_003 = fileURLToPath(new URL('../../seeds/003_312ad407f2934fb3.txt', import.meta.url));

let db: OpenDuckDB;
let dir: string;
let summary: BuildSummary;
const query = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
const parquet = (table: string) => `read_parquet(${quoteLiteral(join(dir, 'out', `${table}.parquet`))})`;

// 003 is 硚口区人民政府's 2021 report (结转下年度 8, of which 自然人 8). A 2022 report of the same organ that carries
// over 3 (自然人 3) contradicts it in two columns; the other five are 0 on both sides.
beforeAll(async () => {
  db = await openDuckDB();
  dir = await mkdtemp(join(tmpdir(), 'wb-cross-year-'));
  const text = await readFile(SEED_003, 'utf8');
  await writeFile(join(dir, '2021.txt'), text);
  await writeFile(join(dir, '2022.txt'), text.replace('硚口区人民政府2021年度', '硚口区人民政府2022年度'));
  summary = await buildData({ inputs: [dir], outDir: join(dir, 'out'), logger: silentLogger });
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('buildData runs X-YEAR-CARRY after all files are parsed', () => {
  test('rows for the later report, per applicant column, with pasteable messages', async () => {
    const reports = await query(`SELECT report_id, report_year, n_warnings FROM ${parquet('reports')} ORDER BY report_year`);
    expect(reports.map((r) => r.report_year)).toEqual([2021, 2022]);
    const later = String(reports[1]!.report_id);
    const rows = await query(`SELECT report_id, col_key, status, lhs, rhs, message_zh FROM ${parquet('checks')} WHERE rule_id = 'X-YEAR-CARRY' ORDER BY col_key`);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.report_id === later)).toBe(true);
    const failed = rows.filter((r) => r.status === 'fail');
    expect(failed.map((r) => [r.col_key, r.lhs, r.rhs])).toEqual([['natural_person', 3, 8], ['total', 3, 8]]);
    expect(String(failed[1]!.message_zh)).toContain('与 2021 年度报告「结转下年度继续办理」8 件不一致');
  });

  test('n_warnings of the later report and its file summary count the failures', async () => {
    const reports = await query(`SELECT report_year, n_warnings FROM ${parquet('reports')} ORDER BY report_year`);
    expect(reports.map((r) => r.n_warnings)).toEqual([0, 2]);
    const file = summary.files.find((f) => f.source_file === '2022.txt')!;
    expect(file.warnings).toBeGreaterThanOrEqual(2);
    expect(summary.files.find((f) => f.source_file === '2021.txt')!.checks_failed).toBe(0);
  });
});
