import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLES } from '../../src/core/schema.ts';
import { createTableSql } from '../../src/sql/ddlSql.ts';
import { ENGINE_NAMES, openEngine, type EngineName, type SqlEngine } from '../helpers/engines.ts';
import { openSeedEngine, removeSeedBuilds, type SeedEngine } from '../helpers/seedEngines.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VIEWS_SQL = await readFile(join(ROOT, 'src/db/views.sql'), 'utf8');

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];
const REVIEW_LITIGATION = [
  'review_maintained', 'review_corrected', 'review_other', 'review_pending', 'review_total',
  'lit_direct_maintained', 'lit_direct_corrected', 'lit_direct_other', 'lit_direct_pending', 'lit_direct_total',
  'lit_after_review_maintained', 'lit_after_review_corrected', 'lit_after_review_other', 'lit_after_review_pending', 'lit_after_review_total',
];
const ACTIVE = [
  'made', 'repealed', 'valid', 'new_made', 'new_published', 'total_published', 'prev_year_items', 'change', 'decisions',
  'fee_amount', 'procurement_items', 'procurement_amount',
];
const METRICS: [string, string][] = [
  ['report_id', 'VARCHAR'], ['title', 'VARCHAR'], ['organ', 'VARCHAR'], ['report_year', 'INTEGER'], ['format', 'VARCHAR'],
  ['applications_received', 'DOUBLE'], ['carried_over', 'DOUBLE'], ['granted', 'DOUBLE'], ['partially_granted', 'DOUBLE'],
  ['refused', 'DOUBLE'], ['unable', 'DOUBLE'], ['not_processed', 'DOUBLE'], ['results_total', 'DOUBLE'],
  ['granted_share', 'DOUBLE'], ['partial_share', 'DOUBLE'], ['refused_share', 'DOUBLE'],
  ['reviews', 'DOUBLE'], ['lawsuits', 'DOUBLE'], ['review_correction_rate', 'DOUBLE'], ['failed_checks', 'INTEGER'],
];
const EXPECTED_COLUMNS: Record<string, [string, string][]> = {
  applications_wide: [
    ['report_id', 'VARCHAR'], ['row_key', 'VARCHAR'], ['row_label_zh', 'VARCHAR'], ['ord', 'INTEGER'],
    ...APPLICANTS.map((c): [string, string] => [c, 'DOUBLE']),
  ],
  review_litigation_wide: [['report_id', 'VARCHAR'], ...REVIEW_LITIGATION.map((c): [string, string] => [c, 'DOUBLE'])],
  active_disclosure_wide: [
    ['report_id', 'VARCHAR'], ['table_id', 'VARCHAR'], ['row_key', 'VARCHAR'], ['row_label_zh', 'VARCHAR'], ['ord', 'INTEGER'],
    ...ACTIVE.map((c): [string, string] => [c, 'DOUBLE']),
  ],
  report_metrics: METRICS,
};
const VIEWS = Object.keys(EXPECTED_COLUMNS);

const SEED_003 = '7b951b280899339b';

type Db = SqlEngine;
const query = (db: Db, sql: string) => db.run(sql);
/** Every contract table, empty, as the build creates them. */
const openEmpty = async (engine: EngineName) => {
  const db = await openEngine(engine);
  for (const def of TABLES) await db.run(createTableSql(def));
  return db;
};

afterAll(removeSeedBuilds);
const describeView = async (db: Db, view: string) =>
  (await query(db, `DESCRIBE SELECT * FROM ${view}`)).map((c): [string, string] => [String(c.column_name), String(c.column_type)]);

describe.each(ENGINE_NAMES)('views.sql over the built seeds (%s)', (engine) => {
  let seeds: SeedEngine;
  let db: Db;

  beforeAll(async () => {
    seeds = await openSeedEngine(engine);
    db = seeds;
  });
  afterAll(() => seeds?.dispose());

  test.each(VIEWS)('%s has the documented columns and types', async (view) => {
    expect(await describeView(db, view)).toEqual(EXPECTED_COLUMNS[view]);
  });

  test('report_metrics has one row per report', async () => {
    const rows = await query(db, 'SELECT count(*)::INTEGER AS n, count(DISTINCT report_id)::INTEGER AS ids FROM report_metrics');
    expect(rows).toEqual([{ n: 5, ids: 5 }]);
  });

  test('review_litigation_wide has one row per report', async () => {
    const rows = await query(db, 'SELECT count(*)::INTEGER AS n FROM review_litigation_wide');
    expect(rows[0]!.n).toBe(5);
  });

  test('applications_wide: seed 003 received 139 requests from natural persons, 144 in all', async () => {
    const rows = await query(
      db,
      `SELECT row_label_zh, natural_person, total FROM applications_wide WHERE report_id = '${SEED_003}' AND row_key = 'new_received'`,
    );
    expect(rows).toEqual([{ row_label_zh: expect.stringContaining('新收'), natural_person: 139, total: 144 }]);
  });

  test('applications_wide has at most one row per report and row key', async () => {
    const rows = await query(db, 'SELECT count(*)::INTEGER AS n FROM (SELECT report_id, row_key FROM applications_wide GROUP BY ALL HAVING count(*) > 1)');
    expect(rows[0]!.n).toBe(0);
  });

  test('report_metrics for seed 003 agrees with applications_wide', async () => {
    const [m] = await query(db, `SELECT * FROM report_metrics WHERE report_id = '${SEED_003}'`);
    expect(m).toMatchObject({ format: 'gov_2021', applications_received: 144 });
    const shares = [m!.granted_share, m!.partial_share, m!.refused_share];
    for (const s of shares) if (s !== null) expect(s).toBeGreaterThanOrEqual(0), expect(s).toBeLessThanOrEqual(1);
  });
});

describe.each(ENGINE_NAMES)('views.sql on empty contract tables (%s)', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmpty(engine);
    await db.run(VIEWS_SQL);
  });
  afterAll(() => db?.close());

  test.each(VIEWS)('%s is valid and empty', async (view) => {
    expect(await describeView(db, view)).toEqual(EXPECTED_COLUMNS[view]);
    expect(await query(db, `SELECT count(*)::INTEGER AS n FROM ${view}`)).toEqual([{ n: 0 }]);
  });

  test('can be run twice (CREATE OR REPLACE)', async () => {
    await expect(db.run(VIEWS_SQL)).resolves.toBeDefined();
  });
});

describe.each(ENGINE_NAMES)('views.sql on hand-made rows (%s)', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmpty(engine);
    await db.run(`
      INSERT INTO reports (report_id, title, report_year, format, doc_kind, parse_status) VALUES
        ('r1', 'one', 2021, 'gov_2021', 'annual_report', 'ok'),
        ('r2', 'zero results', 2020, 'gov_2019', 'annual_report', 'ok'),
        ('r3', 'no tables', NULL, 'none', 'other', 'ok');
      INSERT INTO labels VALUES
        ('gov_2021', 'applications', 'row', 'new_received', '一、本年新收政府信息公开申请数量', 'New', 1, NULL),
        ('gov_2019', 'applications', 'row', 'new_received', '一、本年新收政府信息公开申请数量（2019）', 'New', 1, NULL);
      INSERT INTO cells (report_id, table_id, row_key, col_key, value) VALUES
        ('r1', 'applications', 'new_received', 'natural_person', 8), ('r1', 'applications', 'new_received', 'total', 10),
        ('r1', 'applications', 'granted', 'total', 5), ('r1', 'applications', 'partially_granted', 'total', 1),
        ('r1', 'applications', 'denied_state_secret', 'total', 1), ('r1', 'applications', 'denied_third_party', 'total', 1),
        ('r1', 'applications', 'unable_not_held', 'total', 2), ('r1', 'applications', 'results_total', 'total', 10),
        ('r1', 'review_litigation', 'counts', 'review_corrected', 1), ('r1', 'review_litigation', 'counts', 'review_pending', 1),
        ('r1', 'review_litigation', 'counts', 'review_total', 3), ('r1', 'review_litigation', 'counts', 'lit_direct_total', 2),
        ('r1', 'active_art20_1', 'regulations', 'made', 4), ('r1', 'active_art20_1', 'regulations', 'valid', 40),
        ('r2', 'applications', 'new_received', 'total', 0), ('r2', 'applications', 'results_total', 'total', 0),
        ('r2', 'applications', 'granted', 'total', 0), ('r2', 'review_litigation', 'counts', 'review_total', 0),
        ('r2', 'review_litigation', 'counts', 'review_pending', 0), ('r2', 'review_litigation', 'counts', 'review_corrected', 0);
      INSERT INTO checks (report_id, rule_id, severity, status) VALUES
        ('r1', 'APP-BAL', 'error', 'fail'), ('r1', 'APP-SUM', 'error', 'fail'), ('r1', 'X', 'warning', 'fail'), ('r1', 'Y', 'error', 'pass');
    `);
    await db.run(VIEWS_SQL);
  });
  afterAll(() => db?.close());

  test('report_metrics sums, shares and rates', async () => {
    const rows = await query(db, 'SELECT * EXCLUDE (title, organ, report_year, format) FROM report_metrics ORDER BY report_id');
    expect(rows[0]).toEqual({
      report_id: 'r1', applications_received: 10, carried_over: null, granted: 5, partially_granted: 1, refused: 2, unable: 2,
      not_processed: null, results_total: 10, granted_share: 0.5, partial_share: 0.1, refused_share: 0.2, reviews: 3, lawsuits: 2,
      review_correction_rate: 0.5, failed_checks: 2,
    });
  });

  test('report_metrics gives NULL, not an error, when a denominator is 0', async () => {
    const [r2] = await query(db, "SELECT granted_share, partial_share, refused_share, review_correction_rate FROM report_metrics WHERE report_id = 'r2'");
    expect(r2).toEqual({ granted_share: null, partial_share: null, refused_share: null, review_correction_rate: null });
  });

  test('a report without tables still has a report_metrics row, all NULL but failed_checks 0', async () => {
    const [r3] = await query(db, "SELECT applications_received, reviews, lawsuits, failed_checks FROM report_metrics WHERE report_id = 'r3'");
    expect(r3).toEqual({ applications_received: null, reviews: null, lawsuits: null, failed_checks: 0 });
  });

  test('applications_wide takes the label of the report format', async () => {
    const rows = await query(db, "SELECT report_id, row_label_zh, natural_person, total FROM applications_wide WHERE row_key = 'new_received' ORDER BY report_id");
    expect(rows).toEqual([
      { report_id: 'r1', row_label_zh: '一、本年新收政府信息公开申请数量', natural_person: 8, total: 10 },
      { report_id: 'r2', row_label_zh: '一、本年新收政府信息公开申请数量（2019）', natural_person: null, total: 0 },
    ]);
  });

  test('active_disclosure_wide pivots the column keys', async () => {
    const rows = await query(db, 'SELECT report_id, table_id, row_key, made, valid, new_made FROM active_disclosure_wide');
    expect(rows).toEqual([{ report_id: 'r1', table_id: 'active_art20_1', row_key: 'regulations', made: 4, valid: 40, new_made: null }]);
  });
});

test('views.sql uses only core functions (DuckDB-WASM 1.32 has no json, parquet or icu)', () => {
  const code = VIEWS_SQL.replace(/--.*$/gm, '');
  expect(code).not.toMatch(/\b(read_parquet|parquet_\w+|read_json\w*|json\w*|to_json|from_json|icu_\w+|timezone|strptime|INSTALL|LOAD)\b/i);
  expect(code.split(';').filter((s) => s.trim() !== '').every((s) => /^\s*CREATE OR REPLACE VIEW /i.test(s))).toBe(true);
});
