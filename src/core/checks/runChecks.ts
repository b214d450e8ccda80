import type { CellRow, CheckRow } from '../schema.ts';
import { formatTemplate, valueTypeOf, type ModernFormat, type TemplateTable, type ValueType } from '../template/template.ts';
import { colLabelEn, rowLabelEn } from '../labels/labelsEn.ts';
import { resultRowsOf } from '../extract/extractApplications.ts';

type Draft = Omit<CheckRow, 'report_id'>;
type Ref = string;

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other'];
const APP_ZH = '三、收到和处理政府信息公开申请情况';
const APP_EN = 'Section 3 (applications received and processed)';
const REV_ZH = '四、政府信息公开行政复议、行政诉讼情况';
const REV_EN = 'Section 4 (administrative review and litigation)';
const TABLE_ZH: Record<string, string> = {
  active_art20_1: '第二十条第（一）项', active_art20_5: '第二十条第（五）项', active_art20_6: '第二十条第（六）项',
  active_art20_8: '第二十条第（八）项', active_art20_9: '第二十条第（九）项', applications: APP_ZH, review_litigation: REV_ZH,
};
const TABLE_EN: Record<string, string> = {
  active_art20_1: 'Art. 20 (1)', active_art20_5: 'Art. 20 (5)', active_art20_6: 'Art. 20 (6)', active_art20_8: 'Art. 20 (8)',
  active_art20_9: 'Art. 20 (9)', applications: APP_EN, review_litigation: REV_EN,
};
const REVIEW_GROUPS: [string, string, string, string][] = [
  ['REV-SUM', 'review', '行政复议', 'Administrative review'],
  ['LIT-D-SUM', 'lit_direct', '行政诉讼（未经复议直接起诉）', 'Litigation filed directly'],
  ['LIT-R-SUM', 'lit_after_review', '行政诉讼（复议后起诉）', 'Litigation after review'],
];

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const ref = (table: string, row: string, col: string): Ref => `${table}\u0001${row}\u0001${col}`;

/** Everything about a format the rules need, computed once per format. */
interface Plan {
  cols: string[];
  dataRows: string[];
  colZh: Map<string, string>;
  rowZh: Map<string, string>;
  bal: { col: string; l: Ref[]; r: Ref[] }[];
  sum: { col: string; l: Ref[]; r: Ref[] }[];
  row: { row: string; l: Ref[]; r: Ref[] }[];
  results: string[];
  types: Map<string, Map<string, ValueType>>;
  tables: TemplateTable[];
}
const PLANS = new Map<ModernFormat, Plan>();

function planOf(format: ModernFormat): Plan {
  const cached = PLANS.get(format);
  if (cached) return cached;
  const tpl = formatTemplate(format);
  const apps = tpl.tables.find((t) => t.id === 'applications')!;
  const cols = apps.columns.map((c) => c.key);
  const results = apps.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const dataRows = apps.rows.filter((r) => r.data).map((r) => r.key);
  const a = (row: string, col: string): Ref => ref('applications', row, col);
  const types = new Map<string, Map<string, ValueType>>();
  for (const t of tpl.tables) types.set(t.id, new Map(t.columns.map((c) => [c.key, valueTypeOf(t, c.key)])));
  const plan: Plan = {
    cols, dataRows, tables: tpl.tables, types, results,
    colZh: new Map(apps.columns.map((c) => [c.key, c.label])),
    rowZh: new Map(apps.rows.map((r) => [r.key, r.label ?? r.key])),
    bal: cols.map((col) => ({ col, l: [a('new_received', col), a('carried_over', col)], r: [a('results_total', col), a('carried_forward', col)] })),
    sum: cols.map((col) => ({ col, l: [a('results_total', col)], r: results.map((row) => a(row, col)) })),
    row: dataRows.map((row) => ({ row, l: [a(row, 'total')], r: APPLICANTS.map((col) => a(row, col)) })),
  };
  PLANS.set(format, plan);
  return plan;
}

/** Sum of the cells, or null when any is missing or not a reported number (the rule is then skipped). */
function sum(m: Map<Ref, CellRow>, refs: Ref[]): number | null {
  let s = 0;
  for (const r of refs) {
    const v = m.get(r)?.value;
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
}

function equality(
  id: string, colKey: string, lhs: number | null, rhs: number | null,
  zh: (l: string, r: string, ok: boolean) => string, en: (l: string, r: string, ok: boolean) => string,
): Draft {
  if (lhs === null || rhs === null) {
    return {
      rule_id: id, severity: 'error', status: 'skipped', col_key: colKey, lhs, rhs,
      message_zh: zh('空', '空', true).replace(/（空）/g, '') + '（单元格空白或缺失，未检查）',
      message_en: en('blank', 'blank', true).replace(/ \(blank\)/g, '') + ' (cells blank or missing; not checked)',
    };
  }
  const ok = Math.abs(lhs - rhs) < 1e-9;
  return { rule_id: id, severity: 'error', status: ok ? 'pass' : 'fail', col_key: colKey, lhs, rhs, message_zh: zh(fmt(lhs), fmt(rhs), ok), message_en: en(fmt(lhs), fmt(rhs), ok) };
}

/**
 * The template's error rules (勾稽关系) over the extracted cells: APP-BAL and APP-SUM per column, APP-ROW per row,
 * REV-SUM / LIT-D-SUM / LIT-R-SUM, NONNEG-INT per failing cell (else one row per table). A rule reading a blank,
 * 'na' or missing cell is 'skipped', never 'pass'. Messages name the section, row or column and both sides, in
 * Chinese and English, so a review office can paste them into its feedback.
 */
export function runChecks(cells: CellRow[], format: ModernFormat): Draft[] {
  const plan = planOf(format);
  const m = new Map<Ref, CellRow>();
  const byTable = new Map<string, CellRow[]>();
  for (const c of cells) {
    m.set(ref(c.table_id, c.row_key, c.col_key), c);
    (byTable.get(c.table_id) ?? byTable.set(c.table_id, []).get(c.table_id)!).push(c);
  }
  const out: Draft[] = [];
  const colZh = (c: string): string => plan.colZh.get(c) ?? c;
  const rowZh = (r: string): string => plan.rowZh.get(r) ?? r;

  if (byTable.has('applications')) {
    for (const { col: c, l, r } of plan.bal) {
      out.push(equality('APP-BAL', c, sum(m, l), sum(m, r),
        (a, b, ok) => `${APP_ZH} 表「${colZh(c)}」列：第一项加第二项之和（${a}）${ok ? '等于' : '不等于'}第三项加第四项之和（${b}）`,
        (a, b, ok) => `${APP_EN}, column “${colLabelEn(c)}”: items 1 + 2 (${a}) ${ok ? 'equal' : 'do not equal'} items 3 + 4 (${b})`));
    }
    const present = new Set((byTable.get('applications') ?? []).map((c) => c.row_key));
    const results = resultRowsOf(format, present);
    // a hybrid form (the other form's 其他处理 rows) adds up its own result rows
    const sums = results.length === plan.results.length && results.every((k, i) => k === plan.results[i])
      ? plan.sum
      : plan.cols.map((col) => ({ col, l: [ref('applications', 'results_total', col)], r: results.map((row) => ref('applications', row, col)) }));
    for (const { col: c, l, r } of sums) {
      out.push(equality('APP-SUM', c, sum(m, l), sum(m, r),
        (a, b, ok) => `${APP_ZH} 表「${colZh(c)}」列：（七）总计（${a}）${ok ? '等于' : '不等于'}各项办理结果之和（${b}）`,
        (a, b, ok) => `${APP_EN}, column “${colLabelEn(c)}”: (7) Total (${a}) ${ok ? 'equals' : 'does not equal'} the sum of the result rows (${b})`));
    }
    for (const { row, l, r } of plan.row) {
      out.push(equality('APP-ROW', row, sum(m, l), sum(m, r),
        (a, b, ok) => `${APP_ZH} 表「${rowZh(row)}」行：总计（${a}）${ok ? '等于' : '不等于'}六类申请人之和（${b}）`,
        (a, b, ok) => `${APP_EN}, row “${rowLabelEn(row)}”: Total (${a}) ${ok ? 'equals' : 'does not equal'} the sum of the six applicant columns (${b})`));
    }
  }

  if (byTable.has('review_litigation')) {
    for (const [id, g, zh, en] of REVIEW_GROUPS) {
      const k = (x: string): Ref => ref('review_litigation', 'counts', `${g}_${x}`);
      out.push(equality(id, `${g}_total`, sum(m, [k('total')]), sum(m, [k('maintained'), k('corrected'), k('other'), k('pending')]),
        (a, b, ok) => `${REV_ZH} 表「${zh}」：总计（${a}）${ok ? '等于' : '不等于'}结果维持、结果纠正、其他结果、尚未审结之和（${b}）`,
        (a, b, ok) => `${REV_EN}, “${en}”: total (${a}) ${ok ? 'equals' : 'does not equal'} maintained + corrected + other + pending (${b})`));
    }
  }

  // NONNEG-INT: one row per failing cell, else one pass (or skipped) row per table
  for (const table of plan.tables) {
    const tc = byTable.get(table.id);
    if (!tc) continue;
    const types = plan.types.get(table.id)!;
    let counted = 0;
    let reported = 0;
    let bad = 0;
    for (const c of tc) {
      const type = types.get(c.col_key) ?? table.value_type ?? 'non_negative_integer';
      if (type !== 'non_negative_integer') continue;
      counted++;
      if (c.value === null) continue;
      reported++;
      if (Number.isInteger(c.value) && c.value >= 0) continue;
      bad++;
      const rowZhLabel = c.row_label ?? rowZh(c.row_key);
      const colZhLabel = table.columns.find((x) => x.key === c.col_key)?.label ?? c.col_key;
      out.push({
        rule_id: 'NONNEG-INT', severity: 'error', status: 'fail', col_key: `${table.id}.${c.row_key}.${c.col_key}`, lhs: c.value, rhs: 0,
        message_zh: `${TABLE_ZH[table.id] ?? table.id} 表「${rowZhLabel}」行「${colZhLabel}」列：填报值 ${c.raw} 不是非负整数（件数应为 0 或正整数）`,
        message_en: `${TABLE_EN[table.id] ?? table.id}, row “${c.row_label ?? rowLabelEn(c.row_key)}”, column “${colLabelEn(c.col_key)}”: the value ${c.raw} is not a whole number ≥ 0 (counts must be 0 or positive)`,
      });
    }
    if (counted === 0 || bad > 0) continue;
    out.push({
      rule_id: 'NONNEG-INT', severity: 'error', status: reported ? 'pass' : 'skipped', col_key: table.id, lhs: null, rhs: null,
      message_zh: reported ? `${TABLE_ZH[table.id] ?? table.id} 表：${reported} 个计数均为非负整数` : `${TABLE_ZH[table.id] ?? table.id} 表：无已填报的计数，未检查`,
      message_en: reported ? `${TABLE_EN[table.id] ?? table.id}: all ${reported} counts are whole numbers ≥ 0` : `${TABLE_EN[table.id] ?? table.id}: no reported counts; not checked`,
    });
  }
  return out;
}
