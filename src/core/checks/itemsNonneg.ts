import type { CellRow, CheckRow } from '../schema.ts';
import { TABLE_EN, TABLE_ZH, fmt, labelEn, labelZh } from './checkLabels.ts';

type Draft = Omit<CheckRow, 'report_id'>;

const TABLES = ['active_art20_5', 'active_art20_6', 'active_art20_8'];

/**
 * ITEMS-NONNEG (2019 format): 上一年项目数量 + 本年增/减 ≥ 0 per row of 第二十条第（五）（六）（八）项 — a decrease
 * larger than last year's number of items leaves a negative number of items, usually a sign typed wrongly or the
 * 增/减 column holding this year's total. One row per table row that has both cells (col_key table.row.change).
 */
export function itemsNonneg(cells: readonly CellRow[]): Draft[] {
  const rows = new Map<string, { prev?: CellRow; change?: CellRow }>();
  for (const c of cells) {
    if (!TABLES.includes(c.table_id) || (c.col_key !== 'prev_year_items' && c.col_key !== 'change')) continue;
    const k = `${c.table_id}.${c.row_key}`;
    const e = rows.get(k) ?? rows.set(k, {}).get(k)!;
    if (c.col_key === 'prev_year_items') e.prev = c;
    else e.change = c;
  }
  const out: Draft[] = [];
  for (const [k, { prev, change }] of rows) {
    if (!prev || !change) continue;
    const [table, row] = k.split('.') as [string, string];
    const where = `${TABLE_ZH[table]} 表「${row.startsWith('extra_') ? (prev.row_label ?? row) : labelZh('gov_2019', table, 'row', row)}」行`;
    const whereEn = `${TABLE_EN[table]}, row “${labelEn('row', row)}”`;
    const base = { rule_id: 'ITEMS-NONNEG', severity: 'warning' as const, col_key: `${k}.change`, rhs: 0 };
    if (prev.value === null || change.value === null) {
      out.push({ ...base, status: 'skipped', lhs: null, rhs: null, message_zh: `${where}：「上一年项目数量」或「本年增/减」空白，未检查`, message_en: `${whereEn}: items last year or this year's change is blank; not checked` });
      continue;
    }
    const n = prev.value + change.value;
    const ok = n >= -1e-9;
    out.push({
      ...base, status: ok ? 'pass' : 'fail', lhs: n,
      message_zh: ok
        ? `${where}：上一年项目数量 ${fmt(prev.value)} 加本年增/减 ${fmt(change.value)} 为 ${fmt(n)}，不小于 0`
        : `${where}：上一年项目数量 ${fmt(prev.value)} 加本年增/减 ${fmt(change.value)} 为 ${fmt(n)}，本年事项数不能为负，请核实增减符号或是否误填了本年总数`,
      message_en: ok
        ? `${whereEn}: items last year (${fmt(prev.value)}) plus this year's change (${fmt(change.value)}) is ${fmt(n)}, not negative`
        : `${whereEn}: items last year (${fmt(prev.value)}) plus this year's change (${fmt(change.value)}) is ${fmt(n)}; the number of items cannot be negative — check the sign, or whether this year's total was entered as the change`,
    });
  }
  return out;
}
