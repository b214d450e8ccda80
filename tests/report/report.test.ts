import { describe, expect, it } from 'vitest';
import { placeMarks, textSections } from '../../src/report/textSegments.ts';
import { tableLayout, type LabelLike } from '../../src/report/tableLayout.ts';
import { checkRefs } from '../../src/report/checkRefs.ts';

describe('textSections(text, sections, marks)', () => {
  const text = '一、总体情况 收到139件。二、主动公开 规章 0';
  const sections = [
    { key: 'overall', heading: '一、总体情况', start: 0, end: 13 },
    { key: 'active_disclosure', heading: '二、主动公开', start: 13, end: text.length },
  ];
  it('renders every character once, marks where they stand', () => {
    const marks = [
      { start: text.indexOf('139'), end: text.indexOf('139') + 3, id: 'a' },
      { start: text.lastIndexOf('0'), end: text.length, id: 'b' },
    ];
    const out = textSections(text, sections, marks);
    expect(out.map((s) => s.pieces.map((p) => p.text).join('')).join('')).toBe(text);
    const marked = out.flatMap((s) => s.pieces.filter((p) => p.mark)).map((p) => [p.text, p.mark!.id]);
    expect(marked).toEqual([['139', 'a'], ['0', 'b']]);
    expect(out.map((s) => s.key)).toEqual(['overall', 'active_disclosure']);
  });

  it('fills gaps with untitled sections and drops overlapping or out-of-range marks', () => {
    const out = textSections(text, [{ key: 'overall', heading: 'x', start: 3, end: 8 }], []);
    expect(out.map((s) => [s.key, s.start, s.end])).toEqual([['unknown', 0, 3], ['overall', 3, 8], ['unknown', 8, text.length]]);
    const { kept, dropped } = placeMarks(10, [
      { start: 0, end: 4 }, { start: 2, end: 5 }, { start: 8, end: 12 }, { start: 5, end: 5 }, { start: 6, end: 7 },
    ]);
    expect(kept).toEqual([{ start: 0, end: 4 }, { start: 6, end: 7 }]);
    expect(dropped).toHaveLength(3);
  });
});

describe('tableLayout(table, labels, cells)', () => {
  const L = (kind: string, key: string, ord: number, parent: string | null = null): LabelLike => ({
    table_id: 't', kind, key, label_zh: key, label_en: key, ord, parent_key: parent,
  });
  const labels = [
    L('col', 'np', 1), L('col', 'legal', 2), L('col', 'com', 3, 'legal'), L('col', 'res', 4, 'legal'), L('col', 'total', 5),
    L('row', 'new', 1), L('row', 'results', 2), L('row', 'granted', 3, 'results'), L('row', 'denied', 4, 'results'),
    L('row', 'd1', 5, 'denied'), L('row', 'd2', 6, 'denied'), L('row', 'fwd', 7),
  ];
  it('nests column headers and row groups like the official form', () => {
    const t = tableLayout('t', labels, []);
    expect(t.head.map((r) => r.map((h) => `${h.key}:${h.colspan}x${h.rowspan}`))).toEqual([
      ['np:1x2', 'legal:2x1', 'total:1x2'],
      ['com:1x1', 'res:1x1'],
    ]);
    expect(t.corner).toEqual({ colspan: 3, rowspan: 2 });
    expect(t.leafCols).toEqual(['np', 'com', 'res', 'total']);
    expect(t.body.map((r) => r.heads.map((h) => `${h.key}:${h.colspan}x${h.rowspan}`))).toEqual([
      ['new:3x1'],
      ['results:1x3', 'granted:2x1'],
      ['denied:1x2', 'd1:1x1'],
      ['d2:1x1'],
      ['fwd:3x1'],
    ]);
  });

  it('keeps rows and columns the labels do not know, with the label the report wrote', () => {
    const t = tableLayout('t', labels, [{ table_id: 't', row_key: 'extra_x', col_key: 'odd', row_label: '其他主动公开文件' }]);
    expect(t.body.at(-1)!.heads[0]!.label_zh).toBe('其他主动公开文件');
    expect(t.leafCols.at(-1)).toBe('odd');
  });
});

describe('checkRefs(format, check)', () => {
  it('reads the cells of a rule from its template expression, on each side', () => {
    const bal = checkRefs('gov_2021', { rule_id: 'APP-BAL', col_key: 'natural_person' });
    expect(bal.lhs.map((r) => r.row_key)).toEqual(['new_received', 'carried_over']);
    expect(bal.rhs.map((r) => r.row_key)).toEqual(['results_total', 'carried_forward']);
    expect(new Set([...bal.lhs, ...bal.rhs].map((r) => r.col_key))).toEqual(new Set(['natural_person']));
    const row = checkRefs('gov_2019', { rule_id: 'APP-ROW', col_key: 'granted' });
    expect(row.lhs).toEqual([{ table_id: 'applications', row_key: 'granted', col_key: 'total' }]);
    expect(row.rhs).toHaveLength(6);
    expect(checkRefs('gov_2021', { rule_id: 'REV-SUM', col_key: 'review_total' }).rhs).toHaveLength(4);
    expect(checkRefs('gov_2021', { rule_id: 'APP-SUM', col_key: 'total' }).rhs.length).toBeGreaterThan(15);
  });

  it('names a single cell written as table.row.col, and gives nothing for unknown or cross-report rules', () => {
    expect(checkRefs('gov_2021', { rule_id: 'NONNEG-INT', col_key: 'applications.granted.total' }).lhs).toEqual([
      { table_id: 'applications', row_key: 'granted', col_key: 'total' },
    ]);
    expect(checkRefs('gov_2021', { rule_id: 'NO-SUCH', col_key: 'x' })).toEqual({ lhs: [], rhs: [] });
    expect(checkRefs('gov_2021', { rule_id: 'X-YEAR-CARRY', col_key: 'total' })).toEqual({ lhs: [], rhs: [] });
    expect(checkRefs('none', { rule_id: 'APP-BAL', col_key: 'total' }).lhs).toHaveLength(2);
  });
});
