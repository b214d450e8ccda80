import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../src/core/schema.ts';
import { completenessSql } from '../../src/sql/completenessSql.ts';
import { qualitySql } from '../../src/sql/qualitySql.ts';
import { rollupChecksSql, rollupsSql } from '../../src/sql/rollupSql.ts';
import { timelinessSql } from '../../src/sql/timelinessSql.ts';
import { runReviewStep } from '../../src/pipeline/reviewStep.ts';
import { parsedSeed, seedFiles } from '../core/helpers.ts';
import { QIAOKOU, cellRow, openReviewDb, reportRow, type ReviewDb } from './reviewDb.ts';

let db: ReviewDb;
beforeEach(async () => { db = await openReviewDb(); });
afterEach(() => db.close());

describe('TIMELY', () => {
  const cases: [string, string | null, string, number, string | null][] = [
    // id, organ, level, year, published
    ['dept-ok', '硚口区教育局', 'county', 2021, '2022-01-31'],
    ['dept-late', '硚口区教育局', 'county', 2021, '2022-02-10'],
    ['gov-ok', '硚口区人民政府', 'county', 2021, '2022-03-31'],
    ['gov-late', '武汉市人民政府', 'city', 2021, '2022-04-02'],
    ['office', '硚口区人民政府办公室', 'county', 2021, '2022-02-01'],
    ['zone', '硚口区经济开发区管委会', 'county', 2021, '2022-01-20'],
    ['town', '硚口区城关镇人民政府', 'township', 2021, '2022-06-01'],
    ['old', '硚口区教育局', 'county', 2017, '2018-03-20'],
    ['nodate', '硚口区教育局', 'county', 2021, null],
    ['early', '硚口区教育局', 'county', 2021, '2021-06-30'],
    ['noorgan', null, 'unknown', 2021, '2022-01-05'],
  ];
  it('departments by 1月31日, governments by 3月31日 (2019 条例); all by 3月31日 before 2019; townships and unknown organs skipped', async () => {
    await db.insert('reports', cases.map(([id, organ, level, year, date]) => reportRow({ report_id: id, organ, organ_level: level as 'county', report_year: year, published_date: date, ...QIAOKOU })));
    const rows = await db.all(`${timelinessSql()} ORDER BY report_id`);
    const by = Object.fromEntries(rows.map((r) => [r.report_id, r]));
    expect(Object.fromEntries(rows.map((r) => [r.report_id, [r.status, r.col_key, r.lhs]]))).toEqual({
      'dept-ok': ['pass', 'department', 0], 'dept-late': ['fail', 'department', 10], 'gov-ok': ['pass', 'government', 0], 'gov-late': ['fail', 'government', 2],
      office: ['fail', 'department', 1], zone: ['pass', 'department', -11], town: ['skipped', 'township', null], old: ['pass', 'department', -11],
      nodate: ['skipped', 'department', null], early: ['skipped', 'department', null], noorgan: ['skipped', 'unknown', null],
    });
    expect(by['dept-late']!.message_zh).toBe('于 2022年2月10日 公布，超过《政府信息公开条例》（2019）第四十九条规定的 2022年1月31日 期限 10 天（政府部门年度报告）');
    expect(String(by['gov-late']!.message_en)).toContain('2 days after the deadline of 2022-03-31');
    expect(by.old!.message_zh).toContain('（2007）第三十一条');
    expect(by.town!.message_zh).toContain('乡镇、街道的年度报告公布期限条例未作规定');
    expect(by.early!.message_zh).toContain('早于报告年度结束');
  });
  it('only annual reports are judged', async () => {
    await db.insert('reports', [reportRow({ report_id: 'w', organ: '硚口区教育局', report_year: 2021, published_date: '2022-05-01', doc_kind: 'work_summary', ...QIAOKOU })]);
    expect(await db.all(timelinessSql())).toEqual([]);
  });
});

describe('completeness', () => {
  const SIX = ['overall', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other'] as const;
  async function rep(id: string, format: 'gov_2021' | 'gov_2019', bodies: Partial<Record<(typeof SIX)[number], string>>, tables: string[]) {
    let text = '';
    const sections = [];
    let ord = 0;
    for (const key of SIX) {
      if (bodies[key] === undefined) continue;
      const start = text.length;
      text += `${key}标题\n${bodies[key]}\n`;
      sections.push({ report_id: id, ord: ++ord, key, heading: `${key}标题`, start, end: text.length });
    }
    await db.insert('reports', [reportRow({ report_id: id, format, organ: '硚口区教育局', report_year: 2021, ...QIAOKOU })]);
    await db.insert('sections', sections);
    await db.insert('texts', [{ report_id: id, text }]);
    await db.insert('cells', tables.map((t) => cellRow(id, t, 'x', 'y', 1)));
  }
  const full = { overall: '总体', active_disclosure: '表', applications: '表', review_litigation: '表', problems: '一是专栏信息更新不够及时，二是答复文书说理不够充分，下一步将修订办理规程并加强培训。', other: '本年度未收取信息处理费。认真落实年度政务公开工作要点。' };
  const ALL = ['active_art20_1', 'applications', 'review_litigation'];
  const HAN = full.problems.replace(/[^\u4e00-\u9fff]/g, '').length;
  const rows = async () => Object.fromEntries((await db.all(`${completenessSql()} ORDER BY report_id, rule_id`)).map((r) => [`${r.report_id}:${r.rule_id}`, [r.status, r.lhs, r.rhs]]));

  it('a complete 2021 report passes all five rules', async () => {
    await rep('a', 'gov_2021', full, ALL);
    expect(await rows()).toEqual({
      'a:COMPLETE-SECTIONS': ['pass', 6, 6], 'a:COMPLETE-TABLES': ['pass', 3, 3], 'a:OTHER-FEE': ['pass', null, null],
      'a:OTHER-WORK-POINTS': ['pass', null, null], 'a:PROBLEMS-SPECIFIC': ['pass', HAN, null],
    });
  });

  it('missing sections and tables, a section 五 that says 无, a section 六 silent on fees and work points', async () => {
    await rep('b', 'gov_2021', { ...full, review_litigation: undefined, problems: '无。', other: '人大代表建议办理情况良好。' }, ['applications']);
    await rep('c', 'gov_2019', { ...full, other: undefined }, ALL);
    const r = await rows();
    expect(r).toMatchObject({
      'b:COMPLETE-SECTIONS': ['fail', 5, 6], 'b:COMPLETE-TABLES': ['fail', 1, 3], 'b:PROBLEMS-SPECIFIC': ['fail', 1, null],
      'b:OTHER-FEE': ['fail', null, null], 'b:OTHER-WORK-POINTS': ['fail', null, null],
      'c:COMPLETE-SECTIONS': ['fail', 5, 6], 'c:PROBLEMS-SPECIFIC': ['pass', HAN, null],
    });
    expect(Object.keys(r).some((k) => k.startsWith('c:OTHER'))).toBe(false);
    const [msg] = await db.all(`SELECT message_zh FROM (${completenessSql()}) WHERE report_id = 'b' AND rule_id = 'COMPLETE-TABLES'`);
    expect(msg!.message_zh).toBe('未以表格形式填报：二、主动公开政府信息情况、四、政府信息公开行政复议、行政诉讼情况（表格缺失、为图片或未能识别）');
  });

  it('with section_profiles, a section 五 of boilerplate only fails', async () => {
    await rep('d', 'gov_2021', full, ALL);
    await db.run(`CREATE TABLE section_profiles_t AS SELECT 'd' AS report_id, 'problems' AS section_key, 100 AS shingles, 5 AS specific`);
    const [r] = await db.all(`SELECT status, rhs, message_zh FROM (${completenessSql({}, { profiles: 'section_profiles_t' })}) WHERE rule_id = 'PROBLEMS-SPECIFIC'`);
    expect(r).toMatchObject({ status: 'fail', rhs: 0.05 });
    expect(r!.message_zh).toContain('几乎全部是大量报告共用的套话（本报告特有内容约占 5%）');
  });
});

describe('ROLLUP (层级汇总)', () => {
  const apps = (id: string, total: number) => [cellRow(id, 'applications', 'new_received', 'total', total)];
  it('a county government against its departments and townships; a city against its counties', async () => {
    const r = (id: string, organ: string, level: string, code: string) => reportRow({ report_id: id, organ, organ_level: level as 'county', report_year: 2021, region_code: code });
    await db.insert('reports', [
      r('gov', '硚口区人民政府', 'county', '420104'), r('d1', '硚口区教育局', 'county', '420104'), r('d2', '硚口区民政局', 'county', '420104'),
      r('t1', '硚口区城关镇人民政府', 'township', '420104'), r('other', '江汉区教育局', 'county', '420103'),
      r('city', '武汉市人民政府', 'city', '420100'), r('c1', '江汉区人民政府', 'county', '420103'),
    ]);
    await db.insert('cells', [...apps('gov', 10), ...apps('d1', 4), ...apps('d2', 5), ...apps('t1', 1), ...apps('other', 99), ...apps('city', 12), ...apps('c1', 20)]);
    await db.run(rollupsSql());
    const rows = await db.all(`SELECT report_id, child_group, parent_value, children_sum, n_children, n_reported, n_townships, status FROM rollups WHERE metric = 'applications.new_received.total' ORDER BY 1, 2`);
    // 江汉区人民政府 (c1) has 江汉区教育局 as its department; the city has no department of its own here
    expect(rows).toEqual([
      { report_id: 'c1', child_group: 'departments', parent_value: 20, children_sum: 99, n_children: 1, n_reported: 1, n_townships: 0, status: 'fail' },
      { report_id: 'city', child_group: 'subregions', parent_value: 12, children_sum: 30, n_children: 2, n_reported: 2, n_townships: 0, status: 'fail' },
      { report_id: 'gov', child_group: 'departments', parent_value: 10, children_sum: 10, n_children: 3, n_reported: 3, n_townships: 1, status: 'pass' },
    ]);
    const checks = await db.all(`${rollupChecksSql()} ORDER BY report_id, col_key`);
    const fail = checks.find((c) => c.report_id === 'city' && c.col_key === 'subregions:applications.new_received.total')!;
    expect(fail).toMatchObject({ rule_id: 'ROLLUP', severity: 'warning', status: 'fail', lhs: 12, rhs: 30 });
    expect(fail.message_zh).toBe('层级汇总「本年新收政府信息公开申请数量」：已加载的 2 份下级政府报告合计 30 件，大于本级报告的 12 件（相差 18 件）；若本级报告为全域汇总，至少一方有误，请核实');
    expect(checks.find((c) => c.report_id === 'gov' && c.col_key === 'departments:applications.carried_over.total')).toMatchObject({ status: 'skipped' });
  });
  it('children that add up to less than the parent cannot be judged', async () => {
    await db.insert('reports', [reportRow({ report_id: 'gov', organ: '硚口区人民政府', report_year: 2021, ...QIAOKOU }), reportRow({ report_id: 'd', organ: '硚口区教育局', report_year: 2021, ...QIAOKOU })]);
    await db.insert('cells', [...apps('gov', 10), ...apps('d', 4)]);
    await db.run(rollupsSql());
    const [c] = await db.all(`SELECT status, message_zh FROM (${rollupChecksSql()}) WHERE col_key = 'departments:applications.new_received.total'`);
    expect(c).toMatchObject({ status: 'skipped' });
    expect(c!.message_zh).toContain('下级报告可能未全部加载，无法判断');
  });
});

describe('report_quality', () => {
  it('each part from its rules, the score their plain mean, parts that cannot be judged left out', async () => {
    await db.insert('reports', [reportRow({ report_id: 'a' }), reportRow({ report_id: 'b' }), reportRow({ report_id: 'w', doc_kind: 'work_summary' })]);
    const chk = (report_id: string, rule_id: string, severity: 'error' | 'warning', status: 'pass' | 'fail' | 'skipped', lhs: number | null = null, rhs: number | null = null) =>
      ({ report_id, rule_id, severity, status, col_key: null, lhs, rhs, message_zh: '', message_en: '' });
    await db.insert('checks', [
      chk('a', 'TIMELY', 'warning', 'fail', 12, 0), chk('a', 'COMPLETE-SECTIONS', 'warning', 'fail', 5, 6), chk('a', 'COMPLETE-TABLES', 'warning', 'pass', 3, 3),
      chk('a', 'PROBLEMS-SPECIFIC', 'warning', 'fail'), chk('a', 'APP-BAL', 'error', 'pass'), chk('a', 'APP-SUM', 'error', 'fail'), chk('a', 'APP-ROW', 'error', 'skipped'),
      chk('a', 'X-YEAR-CARRY', 'warning', 'pass'), chk('a', 'X-YEAR-CARRY', 'warning', 'pass'), chk('a', 'X-YEAR-STOCK', 'warning', 'fail'), chk('a', 'SIGNED-CHANGE', 'info' as 'error', 'pass'),
      chk('b', 'TIMELY', 'warning', 'skipped'), chk('b', 'APP-BAL', 'error', 'pass'),
    ]);
    const prof = (section_key: 'overall' | 'problems', specific: number, copied_share: number) =>
      ({ report_id: 'a', section_key, chars: 0, shingles: 0, specific, boilerplate_share: null, copied_share, prev_year_share: 0, cross_organ_share: 0 });
    await db.insert('section_profiles', [prof('overall', 300, 0.5), prof('problems', 100, 1)]);
    await db.run(qualitySql());
    const rows = await db.all(`SELECT * FROM report_quality ORDER BY report_id`);
    expect(rows).toHaveLength(2);
    const a = rows[0]!;
    expect(a).toMatchObject({ timeliness: 0, days_late: 12, arithmetic: 0.5, parts_scored: 5 });
    expect(a.completeness).toBeCloseTo((5 / 6 + 1 + 0) / 3, 10);
    expect(a.consistency).toBeCloseTo(2 / 3, 10);
    expect(a.originality).toBeCloseTo(1 - (0.5 * 300 + 1 * 100) / 400, 10);
    expect(a.score).toBeCloseTo(100 * (0 + (5 / 6 + 1) / 3 + 0.5 + 2 / 3 + 0.375) / 5, 10);
    expect(rows[1]).toMatchObject({ report_id: 'b', timeliness: null, completeness: null, arithmetic: 1, consistency: null, originality: null, parts_scored: 1, score: 100 });
  });
});

describe('the seeds through the whole review step', () => {
  it('timeliness, completeness and the score of the five real reports; every review table has its schema columns', async () => {
    await db.addParsed(seedFiles().map((f) => parsedSeed(f.slice(0, 3))));
    await runReviewStep(db.db.connection);
    const by = async (rule: string) => Object.fromEntries((await db.all(`SELECT r.source_file, c.status FROM checks c JOIN reports r USING (report_id) WHERE rule_id = '${rule}'`)).map((r) => [String(r.source_file).slice(0, 3), r.status]));
    // 000: 硚口区行政审批局 (a department), published 2021-01-13; 003: 硚口区人民政府, 2022-02-08; 001/002 carry no date; 004 is a work summary
    expect(await by('TIMELY')).toEqual({ '000': 'pass', '001': 'skipped', '002': 'skipped', '003': 'pass' });
    // 000 gives sections 三 and 四 in prose only
    expect(await by('COMPLETE-TABLES')).toEqual({ '000': 'fail', '001': 'pass', '002': 'pass', '003': 'pass' });
    expect(await by('OTHER-FEE')).toEqual({ '003': 'pass' });
    expect(await by('PROBLEMS-SPECIFIC')).toEqual({ '000': 'pass', '001': 'pass', '002': 'pass', '003': 'pass' });
    expect(await db.all(`SELECT count(*)::INT AS n FROM similar_passages`)).toEqual([{ n: 0 }]);
    const q = await db.all(`SELECT r.source_file, q.score, q.parts_scored FROM report_quality q JOIN reports r USING (report_id) ORDER BY 1`);
    expect(q.map((x) => [String(x.source_file).slice(0, 3), Math.round(Number(x.score) * 100) / 100, x.parts_scored])).toEqual([['000', 94.44, 4], ['001', 100, 3], ['002', 100, 3], ['003', 100, 4]]);
    for (const name of ['report_pairs', 'similar_passages', 'section_profiles', 'rollups', 'report_quality'] as TableName[]) {
      const def = TABLES.find((t) => t.name === name)!;
      const cols = await db.all(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${name}' ORDER BY ordinal_position`);
      expect(cols.map((c) => [c.column_name, c.data_type]), name).toEqual(def.columns.map((c) => [c.name, c.type]));
    }
  });
});
