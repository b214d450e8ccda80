import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportPairsSql } from '../../src/sql/reportPairsSql.ts';
import { appendCrossYearChecksSql, xYearCarrySql, xYearStockSql } from '../../src/sql/crossYearSql.ts';
import { organKeysSql } from '../../src/sql/organKeysSql.ts';
import { QIAOKOU, cellRow, openReviewDb, reportRow, type ReviewDb } from './reviewDb.ts';

const COLS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];

let db: ReviewDb;
beforeEach(async () => { db = await openReviewDb(); });
afterEach(() => db.close());

/** The cases of the JS crossYearChecks' tests, in SQL form. */
async function rep(id: string, year: number, over: (number | null)[], forward: (number | null)[], organ = '硚口区人民政府', extra: Record<string, unknown> = {}) {
  await db.insert('reports', [reportRow({ report_id: id, organ, report_year: year, ...QIAOKOU, ...extra })]);
  await db.insert('cells', COLS.flatMap((c, i) => [
    ...(i < over.length ? [cellRow(id, 'applications', 'carried_over', c, over[i]!)] : []),
    ...(i < forward.length ? [cellRow(id, 'applications', 'carried_forward', c, forward[i]!)] : []),
  ]));
}
const carry = async () => {
  await db.run(reportPairsSql());
  return db.all(`${xYearCarrySql()} ORDER BY report_id, col_key NULLS LAST`);
};

describe('X-YEAR-CARRY over report_pairs (SQL)', () => {
  it('this year’s 上年结转 equals last year’s 结转下年度, per column; rows belong to the later report', async () => {
    await rep('a2020', 2020, [0, 0, 0, 0, 0, 0, 0], [8, 0, 0, 0, 0, 0, 8]);
    await rep('a2021', 2021, [8, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1]);
    const rows = await carry();
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.report_id === 'a2021' && r.rule_id === 'X-YEAR-CARRY' && r.severity === 'warning')).toBe(true);
    const total = rows.find((r) => r.col_key === 'total')!;
    expect(total).toMatchObject({ status: 'fail', lhs: 3, rhs: 8 });
    expect(total.message_zh).toBe('硚口区人民政府 2021 年度报告「总计」列「上年结转政府信息公开申请数量」为 3 件，与 2020 年度报告「结转下年度继续办理」8 件不一致，请核实');
    expect(String(total.message_en)).toContain('(3) do not equal those carried forward in the 2020 report (8)');
    expect(rows.find((r) => r.col_key === 'natural_person')).toMatchObject({ status: 'pass', lhs: 8, rhs: 8 });
    expect(rows.find((r) => r.col_key === 'natural_person')!.message_zh).toBe('硚口区人民政府 2021 年度报告「自然人」列「上年结转」8 件，与 2020 年度报告「结转下年度继续办理」8 件一致');
  });

  it('appended to checks, the failures raise n_warnings of the later report only', async () => {
    await rep('a2020', 2020, Array(7).fill(0), [8, 0, 0, 0, 0, 0, 8], '硚口区人民政府', { n_warnings: 1 });
    await rep('a2021', 2021, [3, 0, 0, 0, 0, 0, 3], Array(7).fill(0), '硚口区人民政府', { n_warnings: 1 });
    await db.run(reportPairsSql());
    await db.run(appendCrossYearChecksSql());
    expect(await db.all(`SELECT report_id, n_warnings FROM reports ORDER BY 1`)).toEqual([{ report_id: 'a2020', n_warnings: 1 }, { report_id: 'a2021', n_warnings: 3 }]);
    expect(await db.all(`SELECT count(*)::INT AS n FROM checks WHERE rule_id = 'X-YEAR-CARRY' AND status = 'fail'`)).toEqual([{ n: 2 }]);
  });

  it('one organ whether or not its name repeats the province and city', async () => {
    await rep('a', 2020, Array(7).fill(0), Array(7).fill(1), '武汉市硚口区人民政府');
    await rep('b', 2021, Array(7).fill(1), Array(7).fill(0), '硚口区人民政府');
    await rep('c', 2021, Array(7).fill(1), Array(7).fill(0), '湖北省武汉市硚口区 行政审批局');
    await rep('d', 2020, Array(7).fill(0), Array(7).fill(1), '湖北武汉市硚口区行政审批局');
    await rep('e', 2020, Array(7).fill(0), Array(7).fill(1), '硚口区教育局');
    const rows = await carry();
    expect(rows.filter((r) => r.report_id === 'b' && r.status === 'pass')).toHaveLength(7);
    expect(rows.filter((r) => r.report_id === 'c' && r.status === 'pass')).toHaveLength(7);
    const keys = await db.all(`SELECT report_id, name_exact, organ_key FROM (${organKeysSql()}) ORDER BY 1`);
    expect(keys.map((k) => k.name_exact)).toEqual(['人民政府', '人民政府', '行政审批局', '行政审批局', '教育局']);
    expect(keys[0]!.organ_key).toBe('420104|county|政府');
    const pairs = await db.all(`SELECT report_id, prev_report_id, match_kind, n_candidates FROM report_pairs ORDER BY 1`);
    expect(pairs).toEqual([
      { report_id: 'b', prev_report_id: 'a', match_kind: 'exact', n_candidates: 1 },
      { report_id: 'c', prev_report_id: 'd', match_kind: 'exact', n_candidates: 1 },
    ]);
  });

  it('a region that was not resolved compares the name as written', async () => {
    await rep('a', 2020, Array(7).fill(0), Array(7).fill(1), '硚口区人民政府', { region_code: null, province: null, city: null, county: null });
    await rep('b', 2021, Array(7).fill(1), Array(7).fill(0), '硚口区人民政府', { region_code: null, province: null, city: null, county: null });
    expect(await db.all(`SELECT organ_key FROM (${organKeysSql()}) LIMIT 1`)).toEqual([{ organ_key: '|county|硚口区政府' }]);
    expect((await carry()).filter((r) => r.status === 'pass')).toHaveLength(7);
  });

  it('blanks skip; other organs, gaps in years and work summaries are not compared', async () => {
    await rep('a', 2020, Array(7).fill(0), Array(7).fill(null));
    await rep('b', 2021, Array(7).fill(0), Array(7).fill(0));
    const blank = await carry();
    expect(blank).toHaveLength(7);
    expect(blank.every((r) => r.status === 'skipped' && String(r.message_zh).includes('未检查'))).toBe(true);
    db.close();
    db = await openReviewDb();
    await rep('a', 2019, [], Array(7).fill(1));
    await rep('b', 2021, Array(7).fill(0), []);
    expect(await carry()).toEqual([]);
    db.close();
    db = await openReviewDb();
    await rep('a', 2020, [], Array(7).fill(1));
    await rep('b', 2021, Array(7).fill(0), [], '硚口区教育局');
    expect(await carry()).toEqual([]);
    db.close();
    db = await openReviewDb();
    await rep('a', 2020, [], Array(7).fill(1), '硚口区人民政府', { doc_kind: 'work_summary' });
    await rep('b', 2021, Array(7).fill(0), []);
    expect(await carry()).toEqual([]);
  });

  it('a report without the applications table is skipped in every column (not passed)', async () => {
    await rep('a', 2020, [], Array(7).fill(1));
    await rep('b', 2021, [], []);
    const rows = await carry();
    expect(rows.map((r) => r.status)).toEqual(Array(7).fill('skipped'));
  });

  it('two reports of the previous year: compared with the first, and one skipped row says so', async () => {
    await rep('a1', 2020, [], Array(7).fill(1));
    await rep('a2', 2020, [], Array(7).fill(2));
    await rep('b', 2021, Array(7).fill(1), []);
    const rows = await carry();
    expect(rows.filter((r) => r.status === 'pass')).toHaveLength(7);
    expect(rows.find((r) => r.col_key === null)).toMatchObject({ status: 'skipped', message_zh: '硚口区人民政府 有 2 份 2020 年度报告，只与第一份比对' });
  });
});

describe('report_pairs: aliases and renamed bureaus', () => {
  const org = (id: string, year: number, organ: string, extra: Record<string, unknown> = {}) =>
    db.insert('reports', [reportRow({ report_id: id, organ, report_year: year, ...QIAOKOU, ...extra })]);
  const pairs = async () => {
    await db.run(reportPairsSql());
    return db.all(`SELECT report_id, prev_report_id, match_kind, n_candidates, year, prev_year FROM report_pairs ORDER BY 1`);
  };

  it('管委会 / 党工委管委会 / 管理委员会 and 人民政府 / 政府 are aliases; 人民政府办公室 is not 人民政府', async () => {
    await org('z20', 2020, '硚口区经济开发区党工委管委会');
    await org('z21', 2021, '硚口区经济开发区管理委员会');
    await org('g20', 2020, '硚口区政府');
    await org('g21', 2021, '硚口区人民政府');
    await org('o21', 2021, '硚口区人民政府办公室');
    expect(await pairs()).toEqual([
      { report_id: 'g21', prev_report_id: 'g20', match_kind: 'alias', n_candidates: 1, year: 2021, prev_year: 2020 },
      { report_id: 'z21', prev_report_id: 'z20', match_kind: 'alias', n_candidates: 1, year: 2021, prev_year: 2020 },
    ]);
  });

  it('国土资源局 → 自然资源和规划（分）局 is renamed; an exact match is preferred over a rename; a merger counts its predecessors', async () => {
    await org('n18', 2018, '硚口区国土资源局');
    await org('n19', 2019, '硚口区自然资源和规划分局');
    await org('s18a', 2018, '硚口区工商行政管理局');
    await org('s18b', 2018, '硚口区食品药品监督管理局');
    await org('s19', 2019, '硚口区市场监督管理局');
    await org('j18', 2018, '硚口区司法局');
    await org('f18', 2018, '硚口区法制办公室');
    await org('j19', 2019, '硚口区司法局');
    expect(await pairs()).toEqual([
      { report_id: 'j19', prev_report_id: 'j18', match_kind: 'exact', n_candidates: 1, year: 2019, prev_year: 2018 },
      { report_id: 'n19', prev_report_id: 'n18', match_kind: 'renamed', n_candidates: 1, year: 2019, prev_year: 2018 },
      { report_id: 's19', prev_report_id: 's18a', match_kind: 'renamed', n_candidates: 2, year: 2019, prev_year: 2018 },
    ]);
  });

  it('same name in another district, another level or a township is another organ', async () => {
    await org('a', 2020, '硚口区教育局');
    await org('b', 2021, '江汉区教育局', { region_code: '420103', county: '江汉区' });
    await org('c', 2021, '武汉市教育局', { region_code: '420100', county: null, organ_level: 'city' });
    await org('d', 2021, '硚口区教育局', { organ_level: 'township' });
    expect(await pairs()).toEqual([]);
  });

  it('a renamed pair says whose report it was compared with', async () => {
    await org('n20', 2020, '硚口区环境保护局');
    await org('n21', 2021, '硚口区生态环境局');
    await db.insert('cells', [cellRow('n20', 'applications', 'carried_forward', 'total', 2), cellRow('n21', 'applications', 'carried_over', 'total', 2)]);
    await db.run(reportPairsSql());
    const [row] = await db.all(`SELECT * FROM (${xYearCarrySql()}) WHERE col_key = 'total'`);
    expect(row).toMatchObject({ status: 'pass' });
    expect(String(row!.message_zh)).toContain('（上年报告署名「硚口区环境保护局」，机构改革后更名，视为同一机关）');
  });
});

describe('X-YEAR-STOCK (2021 format)', () => {
  async function stock(id: string, year: number, made: number | null, repealed: number | null, valid: number | null, format: 'gov_2021' | 'gov_2019' = 'gov_2021') {
    await db.insert('reports', [reportRow({ report_id: id, organ: '硚口区人民政府', report_year: year, format, ...QIAOKOU })]);
    const cols = format === 'gov_2021' ? ['made', 'repealed', 'valid'] : ['new_made', 'new_published', 'total_published'];
    await db.insert('cells', ['regulations', 'normative_documents'].flatMap((row) => cols.map((c, i) => cellRow(id, 'active_art20_1', row, c, [made, repealed, valid][i]!))));
  }
  const rows = async () => {
    await db.run(reportPairsSql());
    return db.all(`${xYearStockSql()} ORDER BY report_id, col_key`);
  };

  it('valid = last year’s valid + made − repealed passes; a difference fails with both sides', async () => {
    await stock('a', 2021, 3, 1, 40);
    await stock('b', 2022, 5, 2, 43);
    await stock('c', 2023, 1, 0, 50);
    const r = await rows();
    expect(r.map((x) => [x.report_id, x.col_key, x.status, x.lhs, x.rhs])).toEqual([
      ['b', 'normative_documents', 'pass', 43, 43], ['b', 'regulations', 'pass', 43, 43],
      ['c', 'normative_documents', 'fail', 50, 44], ['c', 'regulations', 'fail', 50, 44],
    ]);
    expect(r[2]!.message_zh).toBe('硚口区人民政府 2023 年度报告「行政规范性文件」现行有效件数为 50 件，而 2022 年度现行有效 43 件加本年制发 1 件减本年废止 0 件为 44 件，相差 6 件；如有文件有效期届满或宣布失效，请在报告中说明，否则请核实');
  });

  it('the previous year on the 2019 form, a blank cell: skipped; a 2019-form report: no rows', async () => {
    await stock('a', 2020, 3, 1, 40, 'gov_2019');
    await stock('b', 2021, 5, null, 43);
    await stock('c', 2022, 1, 0, 44);
    await stock('x', 2019, 1, 1, 1, 'gov_2019');
    const r = await rows();
    // b's own blank 本年废止 does not stop c from being compared with b's stock
    expect(r.map((x) => [x.report_id, x.status])).toEqual([['b', 'skipped'], ['b', 'skipped'], ['c', 'pass'], ['c', 'pass']]);
    expect(String(r[0]!.message_zh)).toContain('未检查');
  });
});
