import type { CellRow, Diagnostic } from '../schema.ts';
import { valueTypeOf, type TemplateTable } from '../template/template.ts';
import { labelKey } from './labelKey.ts';
import type { Token } from './tokenize.ts';

// 单位：万元 / （单位：件） / 采购总金额（万元）: a unit stated once for a column or a whole table
const UNIT_NOTE = /[(（]\s*(?:单位\s*[:：]?\s*)?(万元|元|件|项|个|条)\s*[)）]|单位\s*[:：]\s*(万元|元|件|项|个|条)/;
const MONEY = new Set(['万元', '元']);
const TO_WAN: Record<string, number> = { 元: 1e-4, 万元: 1 };

export interface HeaderUnit {
  unit: string;
  /** column key the unit was written in; null when it is stated for the whole table (a caption, a note) */
  col: string | null;
  start: number;
  end: number;
}

/** Units stated in header and caption tokens of a table (before its first row). */
export function headerUnits(tokens: readonly Token[], table: TemplateTable): HeaderUnit[] {
  const out: HeaderUnit[] = [];
  const colKeys = table.columns.map((c) => ({ key: c.key, k: labelKey(c.label.replace(UNIT_NOTE, '')) }));
  for (const t of tokens) {
    if (t.kind !== 'text') continue;
    const m = UNIT_NOTE.exec(t.text);
    if (!m) continue;
    const unit = (m[1] ?? m[2])!;
    const before = labelKey(t.text.slice(0, m.index));
    // the column whose header the note closes ('本年收费金额（单位：万元）'), else the table
    const col = colKeys.filter((c) => c.k && before.endsWith(c.k)).sort((a, b) => b.k.length - a.k.length)[0]?.key ?? null;
    out.push({ unit, col, start: t.start + m.index, end: t.start + m.index + m[0].length });
  }
  return out;
}

/**
 * Give a table's cells the unit its header states, and bring money to the template's unit (2021 fees are in 万元):
 * a cell written in 元 under a 万元 column is converted, and the conversion is reported. A unit written in the cell
 * itself wins over the header's.
 */
export function applyUnits(cells: CellRow[], table: TemplateTable, units: readonly HeaderUnit[], diags: Diagnostic[]): void {
  for (const c of cells) {
    if (c.table_id !== table.id || c.value === null) continue;
    const col = table.columns.find((x) => x.key === c.col_key);
    const decimal = valueTypeOf(table, c.col_key) === 'non_negative_decimal';
    // money units go to amounts, counting units to counts
    const fits = (u: HeaderUnit): boolean => MONEY.has(u.unit) === decimal;
    const header = units.find((u) => u.col === c.col_key && fits(u)) ?? units.find((u) => u.col === null && fits(u));
    const target = col?.unit ?? (MONEY.has(table.unit ?? '') ? table.unit! : null);
    if (c.unit === null && header) {
      c.unit = header.unit;
      if (header.unit !== target) diags.push({ severity: 'info', code: 'unit_from_header', message: `${table.id}: ${c.col_key} in ${header.unit} as its header states`, start: c.start, end: c.end });
    }
    if (!target || !MONEY.has(target)) continue;
    if (c.unit === null) { c.unit = target; continue; }
    if (c.unit === target || !MONEY.has(c.unit)) continue;
    const from = c.unit;
    c.value = Number.parseFloat((c.value * TO_WAN[from]! / TO_WAN[target]!).toPrecision(15));
    c.unit = target;
    diags.push({ severity: 'warning', code: 'unit_converted', message: `${table.id}: ${c.col_key} written as ${c.raw} (${from}) although the column is in ${target}; stored as ${c.value} ${target}`, start: c.start, end: c.end });
  }
}
