import { describe, expect, it } from 'vitest';
import { parseReport, type CellRow } from '../../src/core/index.ts';
import { mayMakeRegulations, warningChecks } from '../../src/core/checks/warningChecks.ts';
import { countWarnings, crossYearChecks, organKey, type YearReport } from '../../src/core/checks/crossYearChecks.ts';
import { seedBytes } from './helpers.ts';

const cell = (table_id: string, row_key: string, col_key: string, value: number | null): CellRow => ({
  report_id: 'r', table_id, row_key, col_key, row_label: null, value, raw: value === null ? '' : String(value), unit: null,
  state: value === null ? 'blank' : 'reported', start: 0, end: 0, flag: null,
});
const regs = (made: number | null, valid: number | null) => [cell('active_art20_1', 'regulations', 'made', made), cell('active_art20_1', 'regulations', 'valid', valid)];

const seed003 = () => new TextDecoder().decode(seedBytes('003').bytes);
const reparse = (text: string) => parseReport(new TextEncoder().encode(text), 'changed.txt');

describe('REG-POWER', () => {
  it('who may make 规章', () => {
    expect(mayMakeRegulations('武汉市人民政府', 'city')).toBe(true);
    expect(mayMakeRegulations('湖北省人民政府办公厅', 'province')).toBe(true);
    expect(mayMakeRegulations('武汉市教育局', 'city')).toBe(false);
    expect(mayMakeRegulations('硚口区人民政府', 'county')).toBe(false);
    expect(mayMakeRegulations('某某镇人民政府', 'township')).toBe(false);
    expect(mayMakeRegulations('生态环境部', 'central')).toBe(true);
    expect(mayMakeRegulations(null, 'unknown')).toBeNull();
  });

  it('a county department reporting 规章 fails, with a message a review office can paste', () => {
    const [c] = warningChecks({ organ: '硚口区行政审批局', organ_level: 'county', report_year: 2021, cells: regs(0, 3), facts: [], text: '' });
    expect(c).toMatchObject({ rule_id: 'REG-POWER', severity: 'warning', status: 'fail', lhs: 3, rhs: 0 });
    expect(c!.message_zh).toContain('「规章」行填报了 3 件');
    expect(c!.message_zh).toContain('无规章制定权');
    expect(c!.message_en).toContain('has no power to make 规章');
  });

  it('a city government may; zeros pass; blanks and unknown organs are skipped', () => {
    const run = (organ: string | null, level: 'city' | 'county' | 'unknown', cells: CellRow[]) => warningChecks({ organ, organ_level: level, report_year: 2021, cells, facts: [], text: '' })[0];
    expect(run('武汉市人民政府', 'city', regs(2, 40))).toMatchObject({ status: 'pass', lhs: 40 });
    expect(run('硚口区行政审批局', 'county', regs(0, 0))).toMatchObject({ status: 'pass', lhs: 0 });
    expect(run('硚口区行政审批局', 'county', regs(null, null))).toMatchObject({ status: 'skipped', lhs: null });
    expect(run(null, 'unknown', regs(1, 1))).toMatchObject({ status: 'skipped' });
    expect(run('x', 'county', [])).toBeUndefined();
  });

  it('seed 003 with 规章 changed to 2: the county government is warned, n_warnings counts it', () => {
    const r = reparse(seed003().replace('\t规章\n\t0\n', '\t规章\n\t2\n'));
    expect(r.checks.find((c) => c.rule_id === 'REG-POWER')).toMatchObject({ status: 'fail', lhs: 2 });
    expect(r.report.n_warnings).toBe(1);
    expect(r.report.n_errors).toBe(0);
  });
});

describe('TEXT-TABLE', () => {
  const apps = (newTotal: number | null, carried: number | null) => [cell('applications', 'new_received', 'total', newTotal), cell('applications', 'carried_over', 'total', carried)];
  const fact = (label: string, value: number, start = 10) => ({ label, value, unit: '件', start, end: start + String(value).length, section_key: 'overall' as const });

  it('text 258, table 275: fail with both numbers', () => {
    const text = '2019年，本机关共收到政府信息公开申请258件。';
    const start = text.indexOf('258');
    const [c] = warningChecks({ organ: 'x', organ_level: 'province', report_year: 2019, cells: apps(275, 0), facts: [fact('applications_received', 258, start)], text });
    expect(c).toMatchObject({ rule_id: 'TEXT-TABLE', status: 'fail', col_key: 'applications_received', lhs: 258, rhs: 275 });
    expect(c!.message_zh).toBe('正文称「258件」，但表格「本年新收政府信息公开申请数量（总计）」为 275，正文与表格数字不一致，请核实');
    expect(c!.message_en).toContain('text says 258件 but the table');
  });

  it('a received count that includes the carried-over applications passes', () => {
    const text = '共收到申请147件，其中上年结转3件';
    const [c] = warningChecks({ organ: 'x', organ_level: 'county', report_year: 2021, cells: apps(144, 3), facts: [fact('applications_received', 147, text.indexOf('147'))], text });
    expect(c).toMatchObject({ status: 'pass', rhs: 147 });
  });

  it('blank table cells skip; another year in the clause, or a non-summary section, is not compared', () => {
    const text = '2020年收到申请12件';
    const base = { organ: 'x', organ_level: 'county' as const, report_year: 2021, text };
    expect(warningChecks({ ...base, cells: apps(null, null), facts: [fact('applications_received', 12, 0)], text: '收到申请12件' })[0]).toMatchObject({ status: 'skipped', rhs: null });
    expect(warningChecks({ ...base, cells: apps(5, 0), facts: [fact('applications_received', 12, text.indexOf('12'))] })).toEqual([]);
    expect(warningChecks({ ...base, cells: apps(5, 0), facts: [{ ...fact('applications_received', 12, 0), section_key: 'problems' }], text: '收到申请12件' })).toEqual([]);
  });

  it('seed 003: every quoted count agrees; changing the prose 147 to 150 fails against the table', () => {
    const ok = reparse(seed003()).checks.filter((c) => c.rule_id === 'TEXT-TABLE');
    expect(ok.map((c) => [c.col_key, c.status])).toEqual([
      ['applications_received', 'pass'], ['carried_over', 'pass'], ['carried_forward', 'pass'], ['reviews', 'pass'], ['lawsuits', 'pass'],
    ]);
    const r = reparse(seed003().replace('公开办件147件', '公开办件150件'));
    expect(r.checks.find((c) => c.rule_id === 'TEXT-TABLE' && c.col_key === 'applications_received')).toMatchObject({ status: 'fail', lhs: 150, rhs: 144 });
    const lit = reparse(seed003().replace('提起行政诉讼22件', '提起行政诉讼21件'));
    expect(lit.checks.find((c) => c.rule_id === 'TEXT-TABLE' && c.col_key === 'lawsuits')).toMatchObject({ status: 'fail', lhs: 21, rhs: 22 });
    expect(lit.report.n_warnings).toBe(1);
  });
});

describe('X-YEAR-CARRY (crossYearChecks)', () => {
  const COLS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];
  const rep = (id: string, year: number, over: (number | null)[], forward: (number | null)[], organ = '硚口区人民政府'): YearReport => ({
    report: { report_id: id, organ, region_code: '420104', report_year: year, doc_kind: 'annual_report' },
    cells: COLS.flatMap((c, i) => [cell('applications', 'carried_over', c, over[i]!), cell('applications', 'carried_forward', c, forward[i]!)]),
  });

  it('this year’s 上年结转 equals last year’s 结转下年度, per column; rows belong to the later report', () => {
    const rows = crossYearChecks([
      rep('a2020', 2020, [0, 0, 0, 0, 0, 0, 0], [8, 0, 0, 0, 0, 0, 8]),
      rep('a2021', 2021, [8, 0, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1]),
    ]);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.report_id === 'a2021' && r.rule_id === 'X-YEAR-CARRY' && r.severity === 'warning')).toBe(true);
    const total = rows.find((r) => r.col_key === 'total')!;
    expect(total).toMatchObject({ status: 'fail', lhs: 3, rhs: 8 });
    expect(total.message_zh).toBe('硚口区人民政府 2021 年度报告「总计」列「上年结转政府信息公开申请数量」为 3 件，与 2020 年度报告「结转下年度继续办理」8 件不一致，请核实');
    expect(total.message_en).toContain('(3) do not equal those carried forward in the 2020 report (8)');
    expect(rows.find((r) => r.col_key === 'natural_person')).toMatchObject({ status: 'pass', lhs: 8, rhs: 8 });
    expect(countWarnings(rows).get('a2021')).toBe(1);
  });

  it('one organ whether or not its name repeats the province and city', () => {
    expect(organKey({ organ: '武汉市硚口区人民政府', region_code: '420104' })).toBe(organKey({ organ: '硚口区人民政府', region_code: '420104' }));
    expect(organKey({ organ: '湖北省武汉市硚口区 行政审批局', region_code: '420104' })).toBe('420104|行政审批局');
    expect(organKey({ organ: '硚口区人民政府', region_code: null })).toBe('|硚口区人民政府');
    expect(organKey({ organ: '硚口区教育局', region_code: '420104' })).not.toBe(organKey({ organ: '硚口区人民政府', region_code: '420104' }));
    const rows = crossYearChecks([
      rep('a', 2020, Array(7).fill(0), Array(7).fill(1), '武汉市硚口区人民政府'),
      rep('b', 2021, Array(7).fill(1), Array(7).fill(0), '硚口区人民政府'),
    ]);
    expect(rows.filter((r) => r.status === 'pass')).toHaveLength(7);
  });

  it('blanks skip; other organs, gaps in years and work summaries are not compared', () => {
    const blank = crossYearChecks([rep('a', 2020, Array(7).fill(0), Array(7).fill(null)), rep('b', 2021, Array(7).fill(0), Array(7).fill(0))]);
    expect(blank.every((r) => r.status === 'skipped')).toBe(true);
    expect(crossYearChecks([rep('a', 2019, [], Array(7).fill(1)), rep('b', 2021, Array(7).fill(0), [])])).toEqual([]);
    expect(crossYearChecks([rep('a', 2020, [], Array(7).fill(1)), rep('b', 2021, Array(7).fill(0), [], '硚口区教育局')])).toEqual([]);
    const summary = rep('a', 2020, [], Array(7).fill(1));
    summary.report.doc_kind = 'work_summary';
    expect(crossYearChecks([summary, rep('b', 2021, Array(7).fill(0), [])])).toEqual([]);
  });
});

describe('TEXT-TABLE on 第二十条第（一）项', () => {
  const row = (made: number, valid: number) => [cell('active_art20_1', 'normative_documents', 'made', made), cell('active_art20_1', 'normative_documents', 'valid', valid)];
  const f = (value: number) => ({ label: 'normative_documents', value, unit: '件', start: 0, end: String(value).length, section_key: 'active_disclosure' as const });
  it('the prose count may be the new documents or the stock; neither fails', () => {
    const run = (value: number) => warningChecks({ organ: 'x', organ_level: 'county', report_year: 2021, cells: row(1, 5), facts: [f(value)], text: `${value}件规范性文件` })[0];
    expect(run(1)).toMatchObject({ rule_id: 'TEXT-TABLE', status: 'pass', rhs: 1 });
    expect(run(5)).toMatchObject({ status: 'pass', rhs: 5 });
    expect(run(7)).toMatchObject({ status: 'fail', lhs: 7, rhs: 1 });
  });
});

describe('TEXT-TABLE compares disclosure counts only', () => {
  it('a 司法局 handling 行政复议 in general is not compared with the disclosure table', () => {
    const cells = [cell('review_litigation', 'counts', 'review_total', 2)];
    const fact = (sentence: string, section_key: 'overall' | 'review_litigation') => ({ label: 'reviews', value: 120, unit: '件', start: 0, end: 3, section_key, sentence });
    const run = (sentence: string, section: 'overall' | 'review_litigation') =>
      warningChecks({ organ: '某区司法局', organ_level: 'county', report_year: 2021, cells, facts: [fact(sentence, section)], text: sentence });
    expect(run('全年办理行政复议案件120件。', 'overall')).toEqual([]);
    expect(run('因政府信息公开被申请行政复议120件。', 'overall')[0]).toMatchObject({ status: 'fail', lhs: 120, rhs: 2 });
    expect(run('被申请行政复议120件。', 'review_litigation')[0]).toMatchObject({ status: 'fail' });
  });
});
