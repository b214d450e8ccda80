import type { CellRow, CheckRow } from '../schema.ts';
import { formatTemplate, type ModernFormat } from '../template/template.ts';
import { resultRowsOf } from '../extract/extractApplications.ts';
import { TABLE_EN, TABLE_ZH, fmt, labelEn, labelZh } from './checkLabels.ts';

type Draft = Omit<CheckRow, 'report_id'>;

/**
 * APP-SUB-LE-TOTAL: no result row exceeds （七）总计 in its column. Implied by APP-SUM when every cell is there, it
 * still speaks when a blank result cell makes APP-SUM skip: the rows that are reported can already be too big.
 * One row per column (pass or skipped), or one row per offending cell (col_key table.row.col, so the reader marks it).
 */
export function appSubLeTotal(cells: readonly CellRow[], format: ModernFormat): Draft[] {
  const apps = formatTemplate(format).tables.find((t) => t.id === 'applications')!;
  // a hybrid form (the other form's 其他处理 rows) has its own result rows
  const results = new Set(resultRowsOf(format, new Set(cells.filter((c) => c.table_id === 'applications').map((c) => c.row_key))));
  const byCol = new Map<string, { total: CellRow | undefined; parts: CellRow[] }>();
  for (const c of cells) {
    if (c.table_id !== 'applications') continue;
    const e = byCol.get(c.col_key) ?? byCol.set(c.col_key, { total: undefined, parts: [] }).get(c.col_key)!;
    if (c.row_key === 'results_total') e.total = c;
    else if (results.has(c.row_key)) e.parts.push(c);
  }
  const out: Draft[] = [];
  const tzh = TABLE_ZH.applications;
  const ten = TABLE_EN.applications;
  for (const col of apps.columns.map((c) => c.key)) {
    const e = byCol.get(col);
    if (!e) continue;
    const czh = labelZh(format, 'applications', 'col', col);
    const cen = labelEn('col', col);
    const total = e.total?.value ?? null;
    const base = { rule_id: 'APP-SUB-LE-TOTAL', severity: 'error' as const };
    if (total === null) {
      out.push({
        ...base, status: 'skipped', col_key: col, lhs: null, rhs: null,
        message_zh: `${tzh} 表「${czh}」列：（七）总计空白或缺失，各办理结果不大于总计的检查未进行`,
        message_en: `${ten}, column “${cen}”: (7) Total is blank or missing; whether each outcome is at most the total was not checked`,
      });
      continue;
    }
    const over = e.parts.filter((p) => p.value !== null && p.value > total + 1e-9);
    for (const p of over) {
      out.push({
        ...base, status: 'fail', col_key: `applications.${p.row_key}.${col}`, lhs: p.value, rhs: total,
        message_zh: `${tzh} 表「${labelZh(format, 'applications', 'row', p.row_key)}」行「${czh}」列为 ${fmt(p.value!)}，大于（七）总计 ${fmt(total)}：单项办理结果不能超过总计`,
        message_en: `${ten}, row “${labelEn('row', p.row_key)}”, column “${cen}”: ${fmt(p.value!)} exceeds (7) Total (${fmt(total)}); no single outcome can exceed the total`,
      });
    }
    if (over.length > 0) continue;
    const reported = e.parts.filter((p) => p.value !== null).length;
    out.push(reported === 0
      ? { ...base, status: 'skipped', col_key: col, lhs: null, rhs: total, message_zh: `${tzh} 表「${czh}」列：各办理结果均空白，未检查`, message_en: `${ten}, column “${cen}”: every outcome is blank; not checked` }
      : {
        ...base, status: 'pass', col_key: col, lhs: Math.max(...e.parts.filter((p) => p.value !== null).map((p) => p.value!)), rhs: total,
        message_zh: `${tzh} 表「${czh}」列：${reported} 项办理结果均不大于（七）总计 ${fmt(total)}`,
        message_en: `${ten}, column “${cen}”: all ${reported} outcomes are at most (7) Total (${fmt(total)})`,
      });
  }
  return out;
}
