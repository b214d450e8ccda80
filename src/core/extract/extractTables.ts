import type { CellRow, Diagnostic, SectionRow } from '../schema.ts';
import { TEMPLATE, formatTemplate, type ModernFormat, type TemplateTable } from '../template/template.ts';
import { labelKey, labelMatches, labelScore } from './labelKey.ts';
import { parseCellValue } from './parseCellValue.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface TableExtraction {
  cells: CellRow[];
  diagnostics: Diagnostic[];
  /** table ids found with at least one row */
  found: string[];
}

type CellDraft = Omit<CellRow, 'report_id'>;

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Keys a template label can be matched by: itself and its label_aliases, all through labelKey. */
function labelKeys(label: string | null): string[] {
  if (!label) return [];
  const keys = [labelKey(label)];
  for (const a of TEMPLATE.label_aliases[label] ?? []) keys.push(labelKey(a));
  // aliases are keyed by the 2021 labels; the 2019 form's shorter labels share them ('规范性文件' ↔ '行政规范性文件')
  for (const [canon, aliases] of Object.entries(TEMPLATE.label_aliases)) {
    if (aliases.some((a) => labelKey(a) === keys[0])) keys.push(labelKey(canon));
  }
  return [...new Set(keys.filter(Boolean))];
}

/** Value and empty tokens after index i, up to the next text token. */
function valuesAfter(tokens: Token[], i: number): Token[] {
  const out: Token[] = [];
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'text') break;
    out.push(t);
  }
  return out;
}

/**
 * Choose n cells from the value/empty tokens after a row label. Written values win; empty pipe cells fill the
 * gaps in order (002 writes six empty cells then 总计); with fewer tokens than columns the rest are missing (null).
 */
export function assignRowValues(v: Token[], n: number): (Token | null)[] {
  const written = v.filter((t) => t.kind === 'value');
  if (written.length >= n) return written.slice(0, n);
  if (v.length >= n) return v.slice(0, n);
  const out: (Token | null)[] = [...v];
  while (out.length < n) out.push(null);
  return out;
}

function cellFrom(
  table: TemplateTable, rowKey: string, colKey: string, rowLabel: string | null, tok: Token | null, fallbackPos: number,
): CellDraft {
  if (!tok) {
    return { table_id: table.id, row_key: rowKey, col_key: colKey, row_label: rowLabel, value: null, raw: '', unit: null, state: 'blank', start: fallbackPos, end: fallbackPos };
  }
  const p = parseCellValue(tok.text) ?? { value: null, unit: null, state: 'blank' as const };
  return {
    table_id: table.id, row_key: rowKey, col_key: colKey, row_label: rowLabel,
    value: p.value, raw: tok.text, unit: p.unit, state: p.state, start: tok.start, end: tok.end,
  };
}

function emitRow(cells: CellDraft[], table: TemplateTable, rowKey: string, label: Token | null, values: Token[]): void {
  const cols = table.columns;
  const picked = assignRowValues(values, cols.length);
  let pos = label ? label.end : 0;
  cols.forEach((c, k) => {
    const tok = picked[k] ?? null;
    cells.push(cellFrom(table, rowKey, c.key, label ? label.text : null, tok, pos));
    if (tok) pos = tok.end;
  });
}

/** Derived key for a row the national template does not have (Hubei's 其他主动公开文件). */
export const extraRowKey = (label: string): string => `extra_${labelKey(label).slice(0, 24) || 'row'}`;

function extractActive(text: string, sec: SectionRow, format: ModernFormat, cells: CellDraft[], diags: Diagnostic[]): void {
  const tables = formatTemplate(format).tables.filter((t) => t.section === 2);
  const tokens = tokenize(text, sec.start, sec.end);
  // blocks start at captions 第二十条第（X）项; without captions the whole section is one block open to every table
  const blocks: { table: TemplateTable | null; from: number; to: number }[] = [];
  tokens.forEach((t, i) => {
    const m = /第二十条第?\s*[(（]?\s*([一二三四五六七八九十])\s*[)）]?\s*项/.exec(t.text);
    if (m && t.text.length < 40) {
      const n = NUMERALS[m[1]!];
      const table = tables.find((tb) => tb.id === `active_art20_${n}`) ?? null;
      if (blocks.length) blocks[blocks.length - 1]!.to = i;
      blocks.push({ table, from: i + 1, to: tokens.length });
      if (!table) diags.push({ severity: 'warning', code: 'unknown_caption', message: `caption not in the ${format} template: ${t.text}`, start: t.start, end: t.end });
    }
  });
  const uncaptioned = blocks.length === 0;
  if (uncaptioned) blocks.push({ table: null, from: 0, to: tokens.length });

  for (const block of blocks) {
    if (!block.table && !uncaptioned) continue;
    const candidates = (block.table ? [block.table] : tables).flatMap((tb) =>
      tb.rows.filter((r) => r.data).map((r) => ({ table: tb, row: r, keys: labelKeys(r.label) })));
    const headerKeys = (block.table ? [block.table] : tables).flatMap((tb) => tb.columns.flatMap((c) => labelKeys(c.label)));
    const used = new Set<string>();
    for (let i = block.from; i < block.to; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'text') continue;
      const values = valuesAfter(tokens, i).filter((_, k) => i + 1 + k < block.to);
      const hit = candidates.find((c) => !used.has(c.table.id + '.' + c.row.key) && labelMatches(t.text, c.keys));
      if (hit) {
        used.add(hit.table.id + '.' + hit.row.key);
        emitRow(cells, hit.table, hit.row.key, t, values);
        i += values.length;
        continue;
      }
      // a local row: a label followed by numbers, which is no column header or note of the table
      if (block.table && values.some((v) => v.kind === 'value') && !labelMatches(t.text, headerKeys) && !/^[(（]/.test(t.text) && t.text !== '信息内容') {
        emitRow(cells, block.table, extraRowKey(t.text), t, values);
        diags.push({ severity: 'info', code: 'extra_row', message: `row not in the template kept as ${extraRowKey(t.text)} in ${block.table.id}`, start: t.start, end: t.end });
        i += values.length;
      }
    }
    if (block.table) {
      for (const r of block.table.rows.filter((r) => r.data)) {
        if (!used.has(block.table.id + '.' + r.key)) diags.push({ severity: 'warning', code: 'row_missing', message: `${block.table.id}: row ${r.key} (${r.label}) not found` });
      }
    }
  }
}

function extractApplications(text: string, sec: SectionRow, format: ModernFormat, cells: CellDraft[], diags: Diagnostic[]): boolean {
  const table = formatTemplate(format).tables.find((t) => t.id === 'applications')!;
  const rows = table.rows.filter((r) => r.data).map((r) => ({ row: r, keys: labelKeys(r.label) }));
  const tokens = tokenize(text, sec.start, sec.end);
  const found: { key: string; label: Token; values: Token[] }[] = [];
  let p = 0;
  for (let i = 0; i < tokens.length && p < rows.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'text' || t.text.length > 80) continue;
    // rows are written in template order; look a few rows ahead so one unreadable label does not derail the rest
    let bestK = -1;
    let bestScore = 0;
    for (let k = p; k < Math.min(rows.length, p + 4); k++) {
      const score = labelScore(t.text, rows[k]!.keys);
      if (score > bestScore) { bestScore = score; bestK = k; }
    }
    if (bestK >= 0) {
      const values = valuesAfter(tokens, i);
      found.push({ key: rows[bestK]!.row.key, label: t, values });
      i += values.length;
      p = bestK + 1;
    }
  }
  const withValues = found.filter((f) => f.values.length > 0);
  if (withValues.length < Math.ceil(rows.length / 2)) {
    diags.push({ severity: 'warning', code: 'table_missing', message: 'applications table not found in section 三 (text only, or an image)', start: sec.start, end: sec.end });
    return false;
  }
  for (const f of found) emitRow(cells, table, f.key, f.label, f.values);
  for (const r of rows) {
    if (!found.some((f) => f.key === r.row.key)) diags.push({ severity: 'warning', code: 'row_missing', message: `applications: row ${r.row.key} (${r.row.label}) not found` });
  }
  for (const f of found) {
    const n = f.values.filter((v) => v.kind === 'value').length;
    if (n > 0 && n < table.columns.length && f.values.length < table.columns.length) {
      diags.push({ severity: 'warning', code: 'row_short', message: `applications: row ${f.key} has ${n} of ${table.columns.length} values`, start: f.label.start, end: f.label.end });
    }
  }
  return true;
}

function extractReview(text: string, sec: SectionRow, format: ModernFormat, cells: CellDraft[], diags: Diagnostic[]): boolean {
  const table = formatTemplate(format).tables.find((t) => t.id === 'review_litigation')!;
  const n = table.columns.length;
  const tokens = tokenize(text, sec.start, sec.end);
  // runs of consecutive value/empty tokens; the table is the first run holding n cells
  let run: Token[] = [];
  const runs: Token[][] = [];
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(t);
  }
  if (run.length) runs.push(run);
  const best = runs.find((r) => r.length >= n) ?? null;
  if (!best) {
    const partial = runs.find((r) => r.filter((t) => t.kind === 'value').length >= 5);
    diags.push({
      severity: 'warning', code: partial ? 'table_incomplete' : 'table_missing',
      message: partial ? `review_litigation: only ${partial.length} of ${n} cells found` : 'review/litigation table not found in section 四',
      start: sec.start, end: sec.end,
    });
    return false;
  }
  emitRow(cells, table, 'counts', null, best);
  for (const c of cells) if (c.table_id === table.id) c.row_label = null;
  return true;
}

/** The 2021 fee column is in 万元 (its header says so); a cell written in 元 is converted, and the conversion is reported. */
function convertFeeToWan(cells: CellDraft[], diags: Diagnostic[]): void {
  for (const c of cells) {
    if (c.table_id !== 'active_art20_8' || c.unit !== '元' || c.value === null) continue;
    const yuan = c.value;
    c.value = Number.parseFloat((yuan / 10000).toPrecision(15));
    c.unit = '万元';
    diags.push({ severity: 'warning', code: 'unit_converted', message: `active_art20_8: fee written as ${c.raw} (元) although the column is in 万元; stored as ${c.value} 万元`, start: c.start, end: c.end });
  }
}

/** Extract the template tables of sections 二, 三 and 四 as cells with offsets into `text`. */
export function extractTables(text: string, sections: SectionRow[], format: ModernFormat): { cells: CellDraft[]; diagnostics: Diagnostic[]; found: string[] } {
  const cells: CellDraft[] = [];
  const diagnostics: Diagnostic[] = [];
  const active = sections.find((s) => s.key === 'active_disclosure');
  const apps = sections.find((s) => s.key === 'applications');
  const review = sections.find((s) => s.key === 'review_litigation');
  if (active) extractActive(text, active, format, cells, diagnostics);
  else diagnostics.push({ severity: 'warning', code: 'section_missing', message: 'section 二 (active disclosure) not found' });
  if (apps) extractApplications(text, apps, format, cells, diagnostics);
  else diagnostics.push({ severity: 'warning', code: 'section_missing', message: 'section 三 (applications) not found' });
  if (review) extractReview(text, review, format, cells, diagnostics);
  else diagnostics.push({ severity: 'warning', code: 'section_missing', message: 'section 四 (review and litigation) not found' });
  if (format === 'gov_2021') convertFeeToWan(cells, diagnostics);
  const found = [...new Set(cells.map((c) => c.table_id))];
  return { cells, diagnostics, found };
}
