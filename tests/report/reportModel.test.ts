import { describe, expect, it } from 'vitest';
import type { CellRow, CheckRow } from '../../src/core/schema.ts';
import { I18n } from '../../src/i18n/i18n.svelte.ts';
import { ReportModel } from '../../src/report/reportModel.ts';
import type { ReportData } from '../../src/state/reportViewer.svelte.ts';

const text = '收到申请 10 件，上年结转 2 件，办结 11 件，结转 0 件。';
const cell = (row_key: string, value: number, raw = String(value)): CellRow =>
  ({ report_id: 'r', table_id: 'applications', row_key, col_key: 'total', value, raw, unit: null, state: 'reported', start: text.indexOf(raw), end: text.indexOf(raw) + raw.length, row_label: null }) as unknown as CellRow;
const failed: CheckRow = { report_id: 'r', rule_id: 'APP-BAL', severity: 'error', status: 'fail', col_key: 'total', lhs: 12, rhs: 11, message_zh: '不平衡', message_en: 'unbalanced' } as CheckRow;
const data = (): ReportData => ({
  report: { report_id: 'r', format: 'gov_2021' } as ReportData['report'],
  text,
  sections: [],
  cells: [cell('new_received', 10), cell('carried_over', 2), cell('results_total', 11), cell('carried_forward', 0)],
  checks: [failed, { ...failed, rule_id: 'APP-SUM', status: 'pass' }],
  facts: [],
  labels: [
    { format: 'gov_2021', table_id: 'applications', kind: 'row', key: 'new_received', label_zh: '新收', label_en: 'New', ord: 1, parent_key: null },
    { format: 'gov_2021', table_id: 'applications', kind: 'col', key: 'total', label_zh: '总计', label_en: 'Total', ord: 1, parent_key: null },
  ] as ReportData['labels'],
});

describe('ReportModel(data, lang, t)', () => {
  const t = new I18n('zh').t;

  it('marks every cell in the text and lists only failed checks as failing their cells', () => {
    const m = new ReportModel(data(), 'zh', t);
    expect(m.marks.map((x) => x.key)).toEqual(['applications.new_received.total', 'applications.carried_over.total', 'applications.results_total.total', 'applications.carried_forward.total']);
    expect(m.failed.map((c) => c.rule_id)).toEqual(['APP-BAL']);
    expect(m.failing.get('applications.new_received.total')).toEqual(['APP-BAL: 不平衡']);
    expect(m.failing.size).toBe(4);
    expect(m.firstCellOf(failed)).toBe('applications.new_received.total');
  });

  it('names cells in the language asked for, the shared column once', () => {
    const zh = new ReportModel(data(), 'zh', t);
    expect(zh.cellLabel(data().cells[0]!)).toMatch(/ · 新收 · 总计 = 10$/);
    const r = zh.refsOf(failed);
    expect(zh.sideText(r.lhs, [...r.lhs, ...r.rhs])).toBe('新收 10 + carried_over 2');
    const en = new ReportModel(data(), 'en', new I18n('en').t);
    expect(en.msg(failed)).toBe('unbalanced');
    expect(en.label('applications', 'row', 'new_received')).toBe('New');
  });

  it('orders tables as they appear in the text; names unknown to the dictionary fall back to the key', () => {
    const m = new ReportModel(data(), 'zh', t);
    expect(m.tables.map((x) => x.id)).toEqual(['applications']);
    expect(m.tables[0]!.cells.size).toBe(4);
    expect(m.tableName('no_such_table')).toBe('no_such_table');
  });
});
