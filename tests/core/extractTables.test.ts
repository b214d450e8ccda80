import { describe, expect, it, beforeAll } from 'vitest';
import { loadToSimplified } from '../../src/core/index.ts';
import { extractTables, normalizeText, parseCellValue, parseReport, segmentSections, tokenize, type SectionRow } from '../../src/core/index.ts';
import { seedBytes } from './helpers.ts';

// traditional-script labels (mirror sites) are read through OpenCC, loaded once before the synchronous parses
beforeAll(async () => { await loadToSimplified(); });

const sectionsOf = (text: string): SectionRow[] =>
  segmentSections(text).map((s, i) => ({ report_id: '', ord: i + 1, key: s.key, heading: s.heading, start: s.start, end: s.end }));
const enc = new TextEncoder();
const values = (r: ReturnType<typeof parseReport>, table: string, row: string) => r.cells.filter((c) => c.table_id === table && c.row_key === row).map((c) => c.value);

const APPS_2021 = (rows: Record<string, string>) => [
  '某县人民政府2022年度政府信息公开工作年度报告', '一、总体情况', '……', '二、主动公开政府信息情况',
  '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 0 0 0', '行政规范性文件 3 1 12',
  '三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '总计',
  ...Object.entries(rows).flatMap(([label, v]) => [label, ...v.split(' ')]),
  '四、政府信息公开行政复议、行政诉讼情况', '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0', '五、存在的主要问题及改进情况', '无。',
].join('\n');

const ROWS: [string, string][] = [
  ['一、本年新收政府信息公开申请数量', '5 0 0 0 0 1 6'], ['二、上年结转政府信息公开申请数量', '1 0 0 0 0 0 1'],
  ['（一）予以公开', '3 0 0 0 0 1 4'], ['（二）部分公开', '1 0 0 0 0 0 1'], ['1.属于国家秘密', '0 0 0 0 0 0 0'],
  ['2.其他法律行政法规禁止公开', '0 0 0 0 0 0 0'], ['3.危及“三安全一稳定”', '0 0 0 0 0 0 0'], ['4.保护第三方合法权益', '0 0 0 0 0 0 0'],
  ['5.属于三类内部事务信息', '0 0 0 0 0 0 0'], ['6.属于四类过程性信息', '0 0 0 0 0 0 0'], ['7.属于行政执法案卷', '0 0 0 0 0 0 0'],
  ['8.属于行政查询事项', '0 0 0 0 0 0 0'], ['1.本机关不掌握相关政府信息', '1 0 0 0 0 0 1'], ['2.没有现成信息需要另行制作', '0 0 0 0 0 0 0'],
  ['3.补正后申请内容仍不明确', '0 0 0 0 0 0 0'], ['1.信访举报投诉类申请', '0 0 0 0 0 0 0'], ['2.重复申请', '0 0 0 0 0 0 0'],
  ['3.要求提供公开出版物', '0 0 0 0 0 0 0'], ['4.无正当理由大量反复申请', '0 0 0 0 0 0 0'], ['5.要求行政机关确认或重新出具已获取信息', '0 0 0 0 0 0 0'],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0 0 0 0 0 0 0'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0 0 0 0 0 0 0'], ['3.其他', '0 0 0 0 0 0 0'],
  ['（七）总计', '5 0 0 0 0 1 6'], ['四、结转下年度继续办理', '1 0 0 0 0 0 1'],
];

describe('alignment by the rules', () => {
  it('a row missing one cell is placed where APP-ROW, APP-SUM and APP-BAL hold, and the gap is blank', () => {
    const rows = Object.fromEntries(ROWS);
    Object.assign(rows, {
      '一、本年新收政府信息公开申请数量': '5 2 0 3 0 1 11', '（一）予以公开': '3 2 0 3 0 1 9', '（七）总计': '5 2 0 3 0 1 11',
    });
    expect(parseReport(enc.encode(APPS_2021(rows)), 'full.txt').checks.filter((c) => c.status === 'fail')).toEqual([]);
    // 科研机构 of 一、本年新收 left no trace: six cells '5 2 3 0 1 11'; only one placement keeps APP-BAL
    rows['一、本年新收政府信息公开申请数量'] = '5 2 3 0 1 11';
    const r = parseReport(enc.encode(APPS_2021(rows)), 'gap.txt');
    const row = r.cells.filter((c) => c.table_id === 'applications' && c.row_key === 'new_received');
    expect(row.map((c) => c.value)).toEqual([5, 2, null, 3, 0, 1, 11]);
    expect(row.map((c) => c.state)).toEqual(['reported', 'reported', 'blank', 'reported', 'reported', 'reported', 'reported']);
    expect(r.diagnostics.some((d) => d.code === 'row_aligned')).toBe(true);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('when several placements are equally good, the undecided columns are blank and flagged, never guessed', () => {
    const rows = Object.fromEntries(ROWS);
    rows['1.属于国家秘密'] = '0 0 0 0 0 0';
    const r = parseReport(enc.encode(APPS_2021(rows)), 'ambiguous.txt');
    const row = r.cells.filter((c) => c.table_id === 'applications' && c.row_key === 'denied_state_secret');
    expect(row.every((c) => c.state === 'blank' && c.value === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.code === 'row_ambiguous')?.message).toMatch(/denied_state_secret/);
  });

  it('the review row with a stray number before it is read from the window the sums accept', () => {
    const text = APPS_2021(Object.fromEntries(ROWS)).replace('1 0 0 0 1 0 0 0 0 0 0 0 0 0 0', '7\n2 1 0 0 3 0 0 0 0 0 0 0 0 1 1');
    const r = parseReport(enc.encode(text), 'stray.txt');
    expect(r.cells.filter((c) => c.table_id === 'review_litigation').map((c) => c.value)).toEqual([2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

describe('reading the tables', () => {
  it('keeps the tables when the segmenter misses a heading (the table is read where it stands)', () => {
    const { bytes } = seedBytes('003');
    const text = normalizeText(new TextDecoder().decode(bytes));
    const all = sectionsOf(text);
    const full = extractTables({ text, sections: all, format: 'gov_2021', grids: [], reportId: 'r' });
    const without = extractTables({ text, sections: all.filter((s) => s.key !== 'active_disclosure' && s.key !== 'applications' && s.key !== 'review_litigation'), format: 'gov_2021', grids: [], reportId: 'r' });
    expect(without.cells).toEqual(full.cells);
    expect(without.diagnostics.filter((d) => d.code === 'section_missing')).toHaveLength(3);
  });

  it('a 2021 fee written in 元 is converted to 万元 and flagged', () => {
    const text = APPS_2021(Object.fromEntries(ROWS)).replace('三、收到', '第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 184719元\n三、收到');
    const r = parseReport(enc.encode(text), 'yuan.txt');
    expect(r.cells.find((c) => c.table_id === 'active_art20_8')).toMatchObject({ raw: '184719元', value: 18.4719, unit: '万元', state: 'reported' });
    expect(r.diagnostics.find((d) => d.code === 'unit_converted')?.message).toContain('184719元');
  });

  it('a label broken over two lines, traditional script, and a page number between rows', () => {
    const text = APPS_2021(Object.fromEntries(ROWS))
      .replace('（二）部分公开\n', '（二）部分公开（区分處理的，只計\n這一情形，不計其他情形）\n')
      .replace('2.其他法律行政法规禁止公开', '- 2 -\n2.其他法律行政法規禁止公開');
    const r = parseReport(enc.encode(text), 'wrapped.txt');
    expect(values(r, 'applications', 'partially_granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(r, 'applications', 'denied_law_prohibited')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('Chinese numerals with a unit, 零, and full-width digits', () => {
    expect(parseCellValue('十二件')).toEqual({ value: 12, unit: '件', state: 'reported' });
    expect(parseCellValue('一百零五项')).toEqual({ value: 105, unit: '项', state: 'reported' });
    expect(parseCellValue('零')).toEqual({ value: 0, unit: null, state: 'reported' });
    expect(parseCellValue('三')).toBeNull();
    expect(tokenize(normalizeText('行政许可 １２３ ＋４')).map((t) => t.text)).toEqual(['行政许可', '123', '+4']);
  });

  it('a whole section on one line', () => {
    const t = tokenize('第二十条第(一)项 信息内容 本年制发件数 规章 0 0 0 行政规范性文件 2 8 3 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 2');
    expect(t.map((x) => `${x.kind}:${x.text}`)).toEqual([
      'text:第二十条第(一)项', 'text:信息内容', 'text:本年制发件数', 'text:规章', 'value:0', 'value:0', 'value:0', 'text:行政规范性文件',
      'value:2', 'value:8', 'value:3', 'text:第二十条第(五)项', 'text:信息内容', 'text:本年处理决定数量', 'text:行政许可', 'value:2',
    ]);
  });
});
