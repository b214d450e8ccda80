// The review desk's SQL on both engines (tests/helpers/engines.ts): native DuckDB, which the build runs it on, and
// DuckDB-WASM, the older engine a browser build of dropped files would run it on. Same small data set, same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type ReportRow, type RowOf, type TableName } from '../../src/core/schema.ts';
import { createTableSql } from '../../src/sql/ddlSql.ts';
import { literal } from '../../src/sql/quote.ts';
import { CHECK_COLUMNS, addFailedWarningsSql, xYearCarrySql, xYearStockSql } from '../../src/sql/crossYearSql.ts';
import { completenessSql } from '../../src/sql/completenessSql.ts';
import { qualitySql } from '../../src/sql/qualitySql.ts';
import { reportPairsSql } from '../../src/sql/reportPairsSql.ts';
import { rollupChecksSql, rollupsSql } from '../../src/sql/rollupSql.ts';
import { createSimilarityStagingSql, sectionProfilesSql, similarPassagesSql } from '../../src/sql/similaritySql.ts';
import { timelinessSql } from '../../src/sql/timelinessSql.ts';
import { ENGINE_NAMES, openEngine, type SqlEngine } from '../helpers/engines.ts';
import { QIAOKOU, cellRow, reportRow } from './reviewDb.ts';

const insertSql = <K extends TableName>(table: K, rows: readonly RowOf[K][]): string => {
  const def = TABLES.find((t) => t.name === table)!;
  const lit = (v: unknown, type: string) => (v === null || v === undefined ? 'NULL' : type === 'VARCHAR' ? literal(String(v)) : type === 'DATE' ? `DATE ${literal(String(v))}` : String(v));
  const values = rows.map((r) => `(${def.columns.map((c) => lit((r as unknown as Record<string, unknown>)[c.name], c.type)).join(', ')})`).join(', ');
  return `INSERT INTO ${table} VALUES ${values}`;
};

const r = (id: string, organ: string, year: number, extra: Partial<ReportRow> = {}): ReportRow =>
  reportRow({ report_id: id, organ, report_year: year, ...QIAOKOU, ...extra });
const REPORTS: ReportRow[] = [
  r('g20', '硚口区人民政府', 2020, { published_date: '2021-03-30', format: 'gov_2019' }),
  r('g21', '武汉市硚口区人民政府', 2021, { published_date: '2022-04-05' }),
  r('e20', '硚口区环境保护局', 2020, { published_date: '2021-01-20', format: 'gov_2019' }),
  r('e21', '硚口区生态环境局', 2021, { published_date: '2022-01-31' }),
  r('d21', '硚口区教育局', 2021, { published_date: '2022-02-03' }),
  r('t21', '硚口区城关镇人民政府', 2021, { organ_level: 'township', published_date: '2022-03-01' }),
];
const COLS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];
const CELLS = [
  ...COLS.map((c) => cellRow('e20', 'applications', 'carried_forward', c, c === 'total' || c === 'natural_person' ? 2 : 0)),
  ...COLS.map((c) => cellRow('e21', 'applications', 'carried_over', c, c === 'total' || c === 'natural_person' ? 3 : 0)),
  cellRow('g21', 'applications', 'new_received', 'total', 10), cellRow('e21', 'applications', 'new_received', 'total', 4),
  cellRow('d21', 'applications', 'new_received', 'total', 5), cellRow('t21', 'applications', 'new_received', 'total', 1),
  cellRow('e21', 'active_art20_1', 'normative_documents', 'made', 2), cellRow('e21', 'active_art20_1', 'normative_documents', 'repealed', 1),
  cellRow('e21', 'active_art20_1', 'normative_documents', 'valid', 9),
];
const PROBLEMS = '一是专栏信息更新不够及时，二是答复文书说理不够充分，下一步将修订办理规程并加强培训。';
const TEXT = `标题\n五、存在的主要问题及改进情况\n${PROBLEMS}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n`;
const p5 = TEXT.indexOf('五、');
const p6 = TEXT.indexOf('六、');

describe.each(ENGINE_NAMES)('the review SQL on %s DuckDB', (name) => {
  let e: SqlEngine;
  const all = (sql: string) => e.run(sql);
  beforeAll(async () => {
    e = await openEngine(name);
    for (const t of TABLES) await e.run(createTableSql(t));
    await e.run(insertSql('reports', REPORTS));
    await e.run(insertSql('cells', CELLS));
    await e.run(insertSql('texts', REPORTS.map((x) => ({ report_id: x.report_id, text: TEXT }))));
    await e.run(insertSql('sections', REPORTS.flatMap((x) => [
      { report_id: x.report_id, ord: 1, key: 'problems' as const, heading: '五', start: p5, end: p6 },
      { report_id: x.report_id, ord: 2, key: 'other' as const, heading: '六', start: p6, end: TEXT.length },
    ])));
    await e.run(reportPairsSql());
  }, 120_000);
  afterAll(() => e?.close());

  it('report_pairs and the cross-year rules', async () => {
    expect(await all(`SELECT report_id, prev_report_id, match_kind FROM report_pairs ORDER BY 1`)).toEqual([
      { report_id: 'e21', prev_report_id: 'e20', match_kind: 'renamed' }, { report_id: 'g21', prev_report_id: 'g20', match_kind: 'exact' },
    ]);
    const carry = await all(`SELECT report_id, col_key, status, lhs, rhs FROM (${xYearCarrySql()}) WHERE status = 'fail' ORDER BY col_key`);
    expect(carry).toEqual([
      { report_id: 'e21', col_key: 'natural_person', status: 'fail', lhs: 3, rhs: 2 }, { report_id: 'e21', col_key: 'total', status: 'fail', lhs: 3, rhs: 2 },
    ]);
    // e20 is on the 2019 form: no stock to compare with
    expect(await all(`SELECT report_id, col_key, status FROM (${xYearStockSql()}) ORDER BY 1, 2`)).toEqual([{ report_id: 'e21', col_key: 'normative_documents', status: 'skipped' }]);
  });

  it('TIMELY and the completeness rules', async () => {
    expect(await all(`SELECT report_id, status, col_key, lhs FROM (${timelinessSql()}) ORDER BY 1`)).toEqual([
      { report_id: 'd21', status: 'fail', col_key: 'department', lhs: 3 }, { report_id: 'e20', status: 'pass', col_key: 'department', lhs: -11 },
      { report_id: 'e21', status: 'pass', col_key: 'department', lhs: 0 }, { report_id: 'g20', status: 'pass', col_key: 'government', lhs: -1 },
      { report_id: 'g21', status: 'fail', col_key: 'government', lhs: 5 }, { report_id: 't21', status: 'skipped', col_key: 'township', lhs: null },
    ]);
    const [msg] = await all(`SELECT message_zh FROM (${timelinessSql()}) WHERE report_id = 'g21'`);
    expect(msg!.message_zh).toBe('于 2022年4月5日 公布，超过《政府信息公开条例》（2019）第四十九条规定的 2022年3月31日 期限 5 天（本级政府年度报告）');
    const c = await all(`SELECT rule_id, status, count(*) AS n FROM (${completenessSql()}) GROUP BY ALL ORDER BY ALL`);
    expect(c).toEqual([
      { rule_id: 'COMPLETE-SECTIONS', status: 'fail', n: 6 }, { rule_id: 'COMPLETE-TABLES', status: 'fail', n: 6 },
      { rule_id: 'OTHER-FEE', status: 'pass', n: 4 }, { rule_id: 'OTHER-WORK-POINTS', status: 'fail', n: 4 }, { rule_id: 'PROBLEMS-SPECIFIC', status: 'pass', n: 6 },
    ]);
  });

  it('rollups, copied passages, section profiles and the score', async () => {
    await e.run(rollupsSql());
    expect(await all(`SELECT report_id, child_group, parent_value, children_sum, n_children, n_townships, status FROM rollups WHERE metric = 'applications.new_received.total' ORDER BY 1`)).toEqual([
      { report_id: 'g20', child_group: 'departments', parent_value: null, children_sum: null, n_children: 1, n_townships: 0, status: 'skipped' },
      { report_id: 'g21', child_group: 'departments', parent_value: 10, children_sum: 10, n_children: 3, n_townships: 1, status: 'pass' },
    ]);
    expect((await all(rollupChecksSql())).length).toBe(16);
    for (const s of createSimilarityStagingSql()) await e.run(s);
    await e.run(`INSERT INTO similar_passages_raw VALUES ('e21', 'e20', 'problems', 1, 0.9, 0.8, 10, 40, 12, 42, 25), ('e20', 'e21', 'problems', 1, 0.8, 0.9, 12, 42, 10, 40, 25), ('d21', 'g21', 'problems', 1, 0.5, 0.4, 0, 9, 0, 9, 20)`);
    await e.run(`INSERT INTO section_profiles_raw VALUES ('e21', 'problems', 40, 36, 30), ('e20', 'problems', 40, 36, 30), ('d21', 'problems', 40, 36, 20)`);
    await e.run(similarPassagesSql());
    expect(await all(`SELECT report_id, other_report_id, kind FROM similar_passages ORDER BY 1, 2`)).toEqual([
      { report_id: 'd21', other_report_id: 'g21', kind: 'cross_organ' },
      { report_id: 'e20', other_report_id: 'e21', kind: 'same_organ_next_year' },
      { report_id: 'e21', other_report_id: 'e20', kind: 'same_organ_prev_year' },
    ]);
    await e.run(sectionProfilesSql());
    expect(await all(`SELECT report_id, copied_share, prev_year_share, cross_organ_share FROM section_profiles ORDER BY 1`)).toEqual([
      { report_id: 'd21', copied_share: 0.5, prev_year_share: 0, cross_organ_share: 0.5 },
      { report_id: 'e20', copied_share: 0, prev_year_share: 0, cross_organ_share: 0 },
      { report_id: 'e21', copied_share: 0.9, prev_year_share: 0.9, cross_organ_share: 0 },
    ]);
    const insert = (select: string) => `INSERT INTO checks (${CHECK_COLUMNS.map((x) => `"${x}"`).join(', ')}) ${select}`;
    for (const s of [xYearCarrySql(), timelinessSql(), completenessSql({}, { profiles: 'section_profiles' })]) await e.run(insert(s));
    await e.run(addFailedWarningsSql(['X-YEAR-CARRY', 'TIMELY']));
    expect(await all(`SELECT report_id, n_warnings FROM reports WHERE n_warnings > 0 ORDER BY 1`)).toEqual([
      { report_id: 'd21', n_warnings: 1 }, { report_id: 'e21', n_warnings: 2 }, { report_id: 'g21', n_warnings: 1 },
    ]);
    await e.run(qualitySql());
    const [q] = await all(`SELECT timeliness, consistency, originality, parts_scored, round(score, 6) AS score FROM report_quality WHERE report_id = 'e21'`);
    // completeness: sections 2/6, tables 2/3 (二 and 三 have cells), 五 specific (30 of 36 its own), fee stated, no work points
    expect(q).toEqual({ timeliness: 1, consistency: 5 / 7, originality: 1 - 0.9, parts_scored: 4, score: Math.round(1e6 * 100 * (1 + (2 / 6 + 2 / 3 + 1 + 1 + 0) / 5 + 5 / 7 + 0.1) / 4) / 1e6 });
  });
});
