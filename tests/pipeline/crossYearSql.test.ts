// X-YEAR-CARRY runs in SQL in the build; the rule is written once more in src/core/checks/crossYearChecks.ts (pure,
// over arrays). Both must give the same rows: same-organ matching, the first of several previous reports, blanks,
// fractional and large values, mismatches, reports that are not annual reports or have no year.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crossYearChecks, organKey, type YearReport } from '../../src/core/checks/crossYearChecks.ts';
import type { CellRow, CheckRow } from '../../src/core/schema.ts';
import { appendRows } from '../../src/pipeline/appendRows.ts';
import { createTableSql } from '../../src/pipeline/createContractTables.ts';
import { crossYearChecksSql } from '../../src/pipeline/crossYearChecksSql.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { PART_TABLES } from '../../src/pipeline/partTables.ts';

const COLS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];

/** A seeded corpus of organs over years, with every case the rule distinguishes. */
function corpus(): YearReport[] {
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const organs = [
    { organ: '武汉市硚口区人民政府', region_code: '420104' },
    { organ: '硚口区人民政府', region_code: '420104' },
    { organ: '江岸区教育局', region_code: '420102' },
    { organ: '某某局', region_code: null },
    { organ: null, region_code: '420102' },
  ];
  const out: YearReport[] = [];
  let n = 0;
  for (let i = 0; i < 60; i++) {
    const o = organs[Math.floor(rnd() * organs.length)]!;
    const year = rnd() < 0.05 ? null : 2019 + Math.floor(rnd() * 4);
    const report_id = `r${String(n++).padStart(4, '0')}`;
    const cells: CellRow[] = [];
    for (const row of ['carried_over', 'carried_forward'])
      for (const col of COLS) {
        if (rnd() < 0.1) continue;
        const r = rnd();
        const value = r < 0.1 ? null : r < 0.15 ? 2.5 + Math.floor(rnd() * 3) / 3 : r < 0.2 ? (rnd() < 0.5 ? 1e16 : 3e21) : Math.floor(rnd() * 4);
        cells.push({ report_id, table_id: 'applications', row_key: row, col_key: col, row_label: null, value, raw: String(value), unit: null, state: 'reported', flag: null, start: cells.length * 10, end: cells.length * 10 + 2 });
      }
    out.push({ report: { report_id, organ: o.organ, region_code: o.region_code, report_year: year, doc_kind: rnd() < 0.1 ? 'work_summary' : 'annual_report' }, cells });
  }
  return out;
}

let db: OpenDuckDB;
const reports = corpus();

beforeAll(async () => {
  db = await openDuckDB();
  const c = db.connection;
  await c.run(createTableSql(PART_TABLES.reports, 'kept'));
  await appendRows(c, 'kept', PART_TABLES.reports, reports.map((r, i) => ({ ...r.report, _ord: i, _organ_key: organKey(r.report) })));
  await c.run(createTableSql(PART_TABLES.cells, 'cells'));
  await appendRows(c, 'cells', PART_TABLES.cells, reports.flatMap((r, i) => r.cells.map((cell) => ({ ...cell, _ord: i }))));
});
afterAll(() => db.close());

const key = (r: CheckRow) => `${r.report_id}|${r.col_key}|${r.status}|${r.lhs}|${r.rhs}|${r.message_zh}|${r.message_en}`;

describe('crossYearChecksSql', () => {
  test('gives exactly the rows of crossYearChecks', async () => {
    const expected = crossYearChecks(reports);
    expect(new Set(expected.map((r) => r.status))).toEqual(new Set(['pass', 'fail', 'skipped']));
    expect(expected.some((r) => r.col_key === null)).toBe(true); // several previous reports
    expect(expected.some((r) => r.message_en.includes('10000000000000000'))).toBe(true);
    expect(expected.some((r) => r.message_en.includes('3e+21'))).toBe(true);
    expect(expected.some((r) => /\d\.\d/.test(r.message_en))).toBe(true);
    const got = (await db.connection.runAndReadAll(crossYearChecksSql('kept', 'cells'))).getRowObjectsJS() as unknown as (CheckRow & { _ord: number })[];
    expect(got.map(({ _ord, ...r }) => key(r)).sort()).toEqual(expected.map(key).sort());
    for (const r of got) expect(reports[Number(r._ord)]!.report.report_id).toBe(r.report_id);
  });
});
