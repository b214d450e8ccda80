import { describe, expect, it } from 'vitest';
import { formatTemplate, parseReport } from '../../src/core/index.ts';

// The same 2021 table written in other layouts real reports use: PDF text (a row per line) and markdown.
const tpl = formatTemplate('gov_2021');
const apps = tpl.tables.find((t) => t.id === 'applications')!;
const dataRows = apps.rows.filter((r) => r.data);
const valuesFor = (i: number): number[] => {
  const v = [i, 0, 1, 0, 0, 2, 0];
  v[6] = v.slice(0, 6).reduce((a, b) => a + b, 0);
  return v;
};

function doc(rowLine: (label: string, v: number[]) => string, reviewLine: string): string {
  const lines = ['某县人民政府2022年度政府信息公开工作年度报告', '一、总体情况', '2022年，我县……', '二、主动公开政府信息情况',
    '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', rowLine('规章', [0, 0, 0]), rowLine('行政规范性文件', [3, 1, 12]),
    '三、收到和处理政府信息公开申请情况'];
  dataRows.forEach((r, i) => lines.push(rowLine(r.label!, valuesFor(i))));
  lines.push('四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', reviewLine, '五、存在的主要问题及改进情况', '无。');
  return lines.join('\n');
}

describe('layouts other than the seeds', () => {
  it.each([
    ['PDF text, a row per line', (l: string, v: number[]) => `${l} ${v.join(' ')}`, '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'],
    ['markdown rows', (l: string, v: number[]) => `| ${l} | ${v.join(' | ')} |`, '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'],
  ])('%s', (_name, rowLine, reviewLine) => {
    const r = parseReport(new TextEncoder().encode(doc(rowLine, reviewLine)), 'layout.txt');
    expect(r.report.format).toBe('gov_2021');
    expect(r.cells.filter((c) => c.table_id === 'active_art20_1' && c.row_key === 'normative_documents').map((c) => c.value)).toEqual([3, 1, 12]);
    dataRows.forEach((row, i) => {
      expect(r.cells.filter((c) => c.table_id === 'applications' && c.row_key === row.key).map((c) => c.value), row.key).toEqual(valuesFor(i));
    });
    expect(r.cells.filter((c) => c.table_id === 'review_litigation').map((c) => c.value)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const c of r.cells) expect(r.text.slice(c.start, c.end)).toBe(c.raw);
    // the synthetic numbers do not balance: the checks must say so
    expect(r.checks.some((c) => c.rule_id === 'APP-BAL' && c.status === 'fail')).toBe(true);
    expect(r.checks.filter((c) => c.rule_id === 'APP-ROW').every((c) => c.status === 'pass')).toBe(true);
  });
});
