import type { CellRow, CheckRow } from '../schema.ts';
import { formatTemplate, valueTypeOf, type ModernFormat } from '../template/template.ts';
import { colLabelEn, rowLabelEn } from '../labels/labelsEn.ts';

type Draft = Omit<CheckRow, 'report_id'>;

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other'];
const APP_ZH = '三、收到和处理政府信息公开申请情况';
const APP_EN = 'Section 3 (applications received and processed)';
const REV_ZH = '四、政府信息公开行政复议、行政诉讼情况';
const REV_EN = 'Section 4 (administrative review and litigation)';

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

interface Lookup { get(table: string, row: string, col: string): CellRow | undefined }

function lookup(cells: CellRow[]): Lookup {
  const m = new Map<string, CellRow>();
  for (const c of cells) m.set(`${c.table_id}.${c.row_key}.${c.col_key}`, c);
  return { get: (t, r, c) => m.get(`${t}.${r}.${c}`) };
}

/** Sum of the cells, or null when any is missing or not a reported number (the rule is then skipped). */
function sum(lk: Lookup, refs: [string, string, string][]): number | null {
  let s = 0;
  for (const [t, r, c] of refs) {
    const cell = lk.get(t, r, c);
    if (!cell || cell.value === null) return null;
    s += cell.value;
  }
  return s;
}

function equality(
  id: string, colKey: string, lhs: number | null, rhs: number | null,
  zh: (l: string, r: string, ok: boolean) => string, en: (l: string, r: string, ok: boolean) => string,
): Draft {
  if (lhs === null || rhs === null) {
    return { rule_id: id, severity: 'error', status: 'skipped', col_key: colKey, lhs, rhs, message_zh: zh('空', '空', true).replace(/（空）/g, '') + '（单元格空白或缺失，未检查）', message_en: en('blank', 'blank', true).replace(/ \(blank\)/g, '') + ' (cells blank or missing; not checked)' };
  }
  const ok = Math.abs(lhs - rhs) < 1e-9;
  return { rule_id: id, severity: 'error', status: ok ? 'pass' : 'fail', col_key: colKey, lhs, rhs, message_zh: zh(fmt(lhs), fmt(rhs), ok), message_en: en(fmt(lhs), fmt(rhs), ok) };
}

/** The template's error rules (勾稽关系) over the extracted cells: APP-BAL, APP-SUM, APP-ROW, REV/LIT sums, NONNEG-INT. */
export function runChecks(cells: CellRow[], format: ModernFormat): Draft[] {
  const tpl = formatTemplate(format);
  const lk = lookup(cells);
  const out: Draft[] = [];
  const apps = tpl.tables.find((t) => t.id === 'applications')!;
  const hasApps = cells.some((c) => c.table_id === 'applications');
  const cols = apps.columns.map((c) => c.key);
  const resultRows = apps.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const dataRows = apps.rows.filter((r) => r.data).map((r) => r.key);
  const colZh = (c: string) => apps.columns.find((x) => x.key === c)?.label ?? c;
  const rowZh = (r: string) => apps.rows.find((x) => x.key === r)?.label ?? r;

  if (hasApps) {
    for (const c of cols) {
      const l = sum(lk, [['applications', 'new_received', c], ['applications', 'carried_over', c]]);
      const r = sum(lk, [['applications', 'results_total', c], ['applications', 'carried_forward', c]]);
      out.push(equality('APP-BAL', c, l, r,
        (a, b, ok) => `${APP_ZH} 表「${colZh(c)}」列：第一项加第二项之和（${a}）${ok ? '等于' : '不等于'}第三项加第四项之和（${b}）`,
        (a, b, ok) => `${APP_EN}, column “${colLabelEn(c)}”: items 1 + 2 (${a}) ${ok ? 'equal' : 'do not equal'} items 3 + 4 (${b})`));
    }
    for (const c of cols) {
      const l = sum(lk, [['applications', 'results_total', c]]);
      const r = sum(lk, resultRows.map((row) => ['applications', row, c] as [string, string, string]));
      out.push(equality('APP-SUM', c, l, r,
        (a, b, ok) => `${APP_ZH} 表「${colZh(c)}」列：（七）总计（${a}）${ok ? '等于' : '不等于'}各项办理结果之和（${b}）`,
        (a, b, ok) => `${APP_EN}, column “${colLabelEn(c)}”: (7) Total (${a}) ${ok ? 'equals' : 'does not equal'} the sum of the result rows (${b})`));
    }
    for (const row of dataRows) {
      const l = sum(lk, [['applications', row, 'total']]);
      const r = sum(lk, APPLICANTS.map((c) => ['applications', row, c] as [string, string, string]));
      out.push(equality('APP-ROW', row, l, r,
        (a, b, ok) => `${APP_ZH} 表「${rowZh(row)}」行：总计（${a}）${ok ? '等于' : '不等于'}六类申请人之和（${b}）`,
        (a, b, ok) => `${APP_EN}, row “${rowLabelEn(row)}”: Total (${a}) ${ok ? 'equals' : 'does not equal'} the sum of the six applicant columns (${b})`));
    }
  }

  if (cells.some((c) => c.table_id === 'review_litigation')) {
    const groups: [string, string, string, string][] = [
      ['REV-SUM', 'review', '行政复议', 'Administrative review'],
      ['LIT-D-SUM', 'lit_direct', '行政诉讼（未经复议直接起诉）', 'Litigation filed directly'],
      ['LIT-R-SUM', 'lit_after_review', '行政诉讼（复议后起诉）', 'Litigation after review'],
    ];
    for (const [id, g, zh, en] of groups) {
      const ref = (k: string): [string, string, string] => ['review_litigation', 'counts', `${g}_${k}`];
      const l = sum(lk, [ref('total')]);
      const r = sum(lk, [ref('maintained'), ref('corrected'), ref('other'), ref('pending')]);
      out.push(equality(id, `${g}_total`, l, r,
        (a, b, ok) => `${REV_ZH} 表「${zh}」：总计（${a}）${ok ? '等于' : '不等于'}结果维持、结果纠正、其他结果、尚未审结之和（${b}）`,
        (a, b, ok) => `${REV_EN}, “${en}”: total (${a}) ${ok ? 'equals' : 'does not equal'} maintained + corrected + other + pending (${b})`));
    }
  }

  // NONNEG-INT: one row per failing cell, else one pass (or skipped) row per table
  for (const table of tpl.tables) {
    const tc = cells.filter((c) => c.table_id === table.id);
    if (tc.length === 0) continue;
    const counted = tc.filter((c) => valueTypeOf(table, c.col_key) === 'non_negative_integer');
    if (counted.length === 0) continue;
    const reported = counted.filter((c) => c.value !== null);
    const bad = reported.filter((c) => !Number.isInteger(c.value) || c.value! < 0);
    for (const c of bad) {
      out.push({
        rule_id: 'NONNEG-INT', severity: 'error', status: 'fail', col_key: `${table.id}.${c.row_key}.${c.col_key}`, lhs: c.value, rhs: 0,
        message_zh: `表 ${table.id}「${c.row_label ?? c.row_key}」行「${c.col_key}」列：${c.raw} 不是非负整数`,
        message_en: `Table ${table.id}, row “${c.row_label ?? rowLabelEn(c.row_key)}”, column ${colLabelEn(c.col_key)}: ${c.raw} is not a whole number ≥ 0`,
      });
    }
    if (bad.length === 0) {
      out.push({
        rule_id: 'NONNEG-INT', severity: 'error', status: reported.length ? 'pass' : 'skipped', col_key: table.id, lhs: null, rhs: null,
        message_zh: reported.length ? `表 ${table.id}：${reported.length} 个计数均为非负整数` : `表 ${table.id}：无已填报的计数，未检查`,
        message_en: reported.length ? `Table ${table.id}: all ${reported.length} counts are whole numbers ≥ 0` : `Table ${table.id}: no reported counts; not checked`,
      });
    }
  }
  return out;
}
