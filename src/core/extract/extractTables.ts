import type { CellRow, Diagnostic, SectionRow } from '../schema.ts';
import { TEMPLATE, formatTemplate, type ModernFormat, type TemplateTable } from '../template/template.ts';
import { keyScore, labelKey } from './labelKey.ts';
import { parseCellValue } from './parseCellValue.ts';
import { tokenize, type Token } from './tokenize.ts';
import { chooseAlignment, placements, tokenNumber, type Slots } from './alignRow.ts';

export interface TableExtraction {
  cells: CellRow[];
  diagnostics: Diagnostic[];
  /** table ids found with at least one row */
  found: string[];
}

type CellDraft = Omit<CellRow, 'report_id'>;

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Keys a template label can be matched by: itself and its label_aliases, all through labelKey. */
const KEYS_MEMO = new Map<string, string[]>();
function labelKeys(label: string | null): string[] {
  if (!label) return [];
  const memo = KEYS_MEMO.get(label);
  if (memo) return memo;
  const keys = computeLabelKeys(label);
  KEYS_MEMO.set(label, keys);
  return keys;
}

function computeLabelKeys(label: string): string[] {
  const keys = [labelKey(label)];
  for (const a of TEMPLATE.label_aliases[label] ?? []) keys.push(labelKey(a));
  // aliases are keyed by the 2021 labels; the 2019 form's shorter labels share them ('规范性文件' ↔ '行政规范性文件')
  for (const [canon, aliases] of Object.entries(TEMPLATE.label_aliases)) {
    if (aliases.some((a) => labelKey(a) === keys[0])) keys.push(labelKey(canon));
  }
  return [...new Set(keys.filter(Boolean))];
}

// a word opening with an enumeration: （一） (3) 1. 三、
const ENUM_WORD = /(?:^|\s)((?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|[一二三四五六七八九十]+、)\S*)/g;

/**
 * The comparable keys of a label token: the whole label and, when parent and child stand on one line
 * ('三、本年度办理结果 （一）予以公开'), the last enumerated item.
 */
function tokenKeys(text: string): string[] {
  const whole = labelKey(text);
  if (!/\s/.test(text.trim())) return [whole];
  let last: string | null = null;
  for (const m of text.matchAll(ENUM_WORD)) last = text.slice(m.index + m[0].indexOf(m[1]!));
  return last && last !== text ? [whole, labelKey(last)] : [whole];
}

const bestScore = (keys: string[], candidates: readonly string[]): number => Math.max(...keys.map((k) => keyScore(k, candidates)));

/**
 * A label broken over two lines: the matched part has no cells after it and the next text token (which matches no
 * row itself) does. Returns that continuation's index, or -1.
 */
function continuation(tokens: Token[], i: number, to: number, isLabel: (t: Token) => boolean): number {
  const next = tokens[i + 1];
  if (!next || i + 1 >= to || next.kind !== 'text' || next.text.length > 60 || isLabel(next)) return -1;
  const after = tokens[i + 2];
  return after && i + 2 < to && after.kind !== 'text' ? i + 1 : -1;
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
  const p = tok.parsed ?? parseCellValue(tok.text) ?? { value: null, unit: null, state: 'blank' as const };
  return {
    table_id: table.id, row_key: rowKey, col_key: colKey, row_label: rowLabel,
    value: p.value, raw: tok.text, unit: p.unit, state: p.state, start: tok.start, end: tok.end,
  };
}

function emitRow(cells: CellDraft[], table: TemplateTable, rowKey: string, label: Token | null, slots: Slots): void {
  let pos = label ? label.end : 0;
  table.columns.forEach((c, k) => {
    const tok = slots[k] ?? null;
    cells.push(cellFrom(table, rowKey, c.key, label ? label.text : null, tok, pos));
    if (tok) pos = tok.end;
  });
}

/**
 * The cells of one row: a full row is read in order; a short one (cells that left no trace in the text) is aligned by
 * the rules (`fails` counts the rules a placement breaks). Undecidable columns are reported blank with a diagnostic.
 */
function alignValues(
  values: Token[], table: TemplateTable, rowKey: string, at: Token | null, diags: Diagnostic[], fails: (s: Slots) => number = () => 0,
): Slots {
  const n = table.columns.length;
  const written = values.filter((t) => t.kind === 'value');
  if (written.length >= n) return written.slice(0, n);
  if (values.length >= n) return values.slice(0, n);
  if (values.length === 0) return new Array<Token | null>(n).fill(null);
  const a = chooseAlignment(placements(values, n), fails, n);
  const where = at ? { start: at.start, end: at.end } : {};
  if (a.uncertain.length) {
    const cols = a.uncertain.map((k) => table.columns[k]!.key).join(', ');
    diags.push({ severity: 'warning', code: 'row_ambiguous', message: `${table.id}: row ${rowKey} has ${values.length} of ${n} cells and the rules cannot place them (${a.best} equally good placements of ${a.candidates}); columns ${cols} left blank`, ...where });
  } else {
    diags.push({ severity: 'info', code: 'row_aligned', message: `${table.id}: row ${rowKey} has ${values.length} of ${n} cells; placed by the consistency rules (${a.candidates} placements tried)`, ...where });
  }
  return a.slots;
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
    const findRow = (t: Token) => {
      const keys = tokenKeys(t.text);
      return candidates.find((c) => !used.has(c.table.id + '.' + c.row.key) && bestScore(keys, c.keys) > 0);
    };
    // without captions, a local row belongs to the table of the row above it
    let current: TemplateTable | null = block.table;
    for (let i = block.from; i < block.to; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'text') continue;
      let values = valuesAfter(tokens, i).filter((_, k) => i + 1 + k < block.to);
      let hit = findRow(t);
      const next = tokens[i + 1];
      if (!hit && values.length === 0 && next?.kind === 'text' && i + 2 < block.to && tokens[i + 2]!.kind !== 'text') {
        // a label broken over two lines where neither half matches alone
        hit = findRow({ ...t, text: t.text + next.text });
        if (hit) { i++; values = valuesAfter(tokens, i).filter((_, k) => i + 1 + k < block.to); }
      }
      if (hit) {
        used.add(hit.table.id + '.' + hit.row.key);
        current = hit.table;
        if (values.length === 0) {
          const c = continuation(tokens, i, block.to, (x) => !!findRow(x) || /第二十条/.test(x.text));
          if (c >= 0) { i = c; values = valuesAfter(tokens, c).filter((_, k) => c + 1 + k < block.to); }
        }
        emitRow(cells, hit.table, hit.row.key, t, alignValues(values, hit.table, hit.row.key, t, diags));
        i += values.length;
        continue;
      }
      // a local row: a label followed by numbers, which is no column header or note of the table
      const w = labelKey(t.text);
      if (current && values.some((v) => v.kind === 'value') && keyScore(w, headerKeys) === 0 && !/^[(（]/.test(t.text) && labelKey(t.text) !== '信息内容') {
        const key = extraRowKey(t.text);
        if (!used.has(current.id + '.' + key)) {
          used.add(current.id + '.' + key);
          emitRow(cells, current, key, t, alignValues(values, current, key, t, diags));
          diags.push({ severity: 'info', code: 'extra_row', message: `row not in the template kept as ${key} in ${current.id}`, start: t.start, end: t.end });
        }
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
  const weak = new Map<string, { key: string; label: Token; values: Token[] }>();
  let p = 0;
  for (let i = 0; i < tokens.length && p < rows.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'text' || t.text.length > 80) continue;
    // rows are written in template order; look a few rows ahead so one unreadable label does not derail the rest
    if (t.kind !== 'text') continue;
    const near = (x: Token, from: number): { k: number; score: number } => {
      const keys = tokenKeys(x.text);
      let best = { k: -1, score: 0 };
      for (let k = from; k < Math.min(rows.length, from + 4); k++) {
        const score = bestScore(keys, rows[k]!.keys);
        if (score > best.score) best = { k, score };
      }
      return best;
    };
    let bestK = near(t, p).k;
    let joined = false;
    const next = tokens[i + 1];
    if (bestK < 0 && next?.kind === 'text' && tokens[i + 2] && tokens[i + 2]!.kind !== 'text' && t.text.length + next.text.length < 80) {
      // a label broken over two lines where neither half matches alone ('1.本机关不掌' + '握相关政府信息')
      bestK = near({ ...t, text: t.text + next.text }, p).k;
      joined = bestK >= 0;
    }
    if (bestK >= 0) {
      if (joined) i++;
      let values = valuesAfter(tokens, i);
      if (values.length === 0 && !joined) {
        const c = continuation(tokens, i, tokens.length, (x) => near(x, p).k >= 0);
        if (c >= 0) { i = c; values = valuesAfter(tokens, c); }
      }
      const key = rows[bestK]!.row.key;
      if (values.length === 0) {
        // a label with nothing after it: a header cell repeated after a page break ('其他', '总计') or a row whose
        // cells all vanished. Kept only if the row turns up nowhere else; the reading position does not move.
        if (!weak.has(key)) weak.set(key, { key, label: t, values });
        continue;
      }
      if (found.some((f) => f.key === key)) continue;
      found.push({ key, label: t, values });
      i += values.length;
      p = bestK + 1;
    }
  }
  for (const [key, w] of weak) if (!found.some((f) => f.key === key)) found.push(w);
  const order = new Map(rows.map((r, k) => [r.row.key, k]));
  found.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const withValues = found.filter((f) => f.values.length > 0);
  if (withValues.length < Math.ceil(rows.length / 2)) {
    diags.push({ severity: 'warning', code: 'table_missing', message: 'applications table not found in section 三 (text only, or an image)', start: sec.start, end: sec.end });
    return false;
  }
  alignApplications(table, found, cells, diags);
  for (const r of rows) {
    if (!found.some((f) => f.key === r.row.key)) diags.push({ severity: 'warning', code: 'row_missing', message: `applications: row ${r.row.key} (${r.row.label}) not found` });
  }
  return true;
}

const APPLICANT_COLS = 6;
const BAL_SIDES: Record<string, 1 | -1> = { new_received: 1, carried_over: 1, results_total: -1, carried_forward: -1 };

/**
 * Full rows first; then each short row is placed by APP-ROW, APP-SUM and APP-BAL against the rows already known
 * (rules touching a row not yet placed are not counted).
 */
function alignApplications(table: TemplateTable, found: { key: string; label: Token; values: Token[] }[], cells: CellDraft[], diags: Diagnostic[]): void {
  const n = table.columns.length;
  const grid = new Map<string, Slots | null>();
  const isFull = (v: Token[]): boolean => v.length >= n || v.filter((t) => t.kind === 'value').length >= n;
  for (const f of found) grid.set(f.key, isFull(f.values) || f.values.length === 0 ? alignValues(f.values, table, f.key, f.label, diags) : null);
  const results = table.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const resultSet = new Set(results);
  const num = (row: string, col: number, self: string, cand: Slots): number | undefined => {
    const slots = row === self ? cand : grid.get(row);
    return slots ? tokenNumber(slots[col] ?? null) : undefined;
  };
  for (const f of found) {
    if (grid.get(f.key) !== null) continue;
    const fails = (cand: Slots): number => {
      let bad = 0;
      const applicants = cand.slice(0, APPLICANT_COLS).reduce((s, t) => s + tokenNumber(t), 0);
      if (applicants !== tokenNumber(cand[APPLICANT_COLS] ?? null)) bad++;
      for (let c = 0; c < n; c++) {
        if (resultSet.has(f.key) || f.key === 'results_total') {
          let sum = 0;
          let known = true;
          for (const r of results) {
            const v = num(r, c, f.key, cand);
            if (v === undefined) { known = false; break; }
            sum += v;
          }
          const total = num('results_total', c, f.key, cand);
          if (known && total !== undefined && total !== sum) bad++;
        }
        if (f.key in BAL_SIDES) {
          let bal = 0;
          let known = true;
          for (const [r, sign] of Object.entries(BAL_SIDES)) {
            const v = num(r, c, f.key, cand);
            if (v === undefined) { known = false; break; }
            bal += sign * v;
          }
          if (known && bal !== 0) bad++;
        }
      }
      return bad;
    };
    grid.set(f.key, alignValues(f.values, table, f.key, f.label, diags, fails));
  }
  for (const f of found) emitRow(cells, table, f.key, f.label, grid.get(f.key)!);
}

/** Failed group sums (维持 + 纠正 + 其他 + 尚未审结 = 总计) of a placement of the fifteen review/litigation cells. */
function reviewFails(s: Slots): number {
  let bad = 0;
  for (let g = 0; g < 3; g++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += tokenNumber(s[g * 5 + k] ?? null);
    if (sum !== tokenNumber(s[g * 5 + 4] ?? null)) bad++;
  }
  return bad;
}

/** A run longer than the row (a stray header cell or page number next to it): the window the rules like best, else the first. */
function windowByRules(run: Token[], n: number): Slots {
  const written = run.filter((t) => t.kind === 'value');
  if (written.length === n) return written;
  let best = run.slice(0, n);
  let bestFails = reviewFails(best);
  for (let i = 1; i + n <= run.length && bestFails > 0; i++) {
    const w = run.slice(i, i + n);
    const f = reviewFails(w);
    if (f < bestFails) { best = w; bestFails = f; }
  }
  return best;
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
  const best = runs.find((r) => r.length >= n) ?? runs.find((r) => r.length >= n - 3 && r.filter((t) => t.kind === 'value').length >= 5) ?? null;
  if (!best) {
    const partial = runs.find((r) => r.filter((t) => t.kind === 'value').length >= 5);
    diags.push({
      severity: 'warning', code: partial ? 'table_incomplete' : 'table_missing',
      message: partial ? `review_litigation: only ${partial.length} of ${n} cells found` : 'review/litigation table not found in section 四',
      start: sec.start, end: sec.end,
    });
    return false;
  }
  emitRow(cells, table, 'counts', null, best.length > n ? windowByRules(best, n) : alignValues(best, table, 'counts', null, diags, reviewFails));
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
