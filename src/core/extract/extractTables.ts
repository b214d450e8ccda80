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
 * ('三、本年度办理结果 （一）予以公开'), the last enumerated item, and the last word.
 */
function tokenKeys(text: string): string[] {
  const whole = labelKey(text);
  if (!/\s/.test(text.trim())) return [whole];
  let last: string | null = null;
  for (const m of text.matchAll(ENUM_WORD)) last = text.slice(m.index + m[0].indexOf(m[1]!));
  const keys = [whole];
  if (last && last !== text) keys.push(labelKey(last));
  // a child written without its number after the parent ('（三）不予公开 属于国家秘密'): the last word
  const word = text.trim().split(/\s+/).pop()!;
  if (word.length >= 4) keys.push(labelKey(word));
  return keys;
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

/** A label written over two lines, kept whole as the row label (its offsets span both parts). */
const joinLabel = (a: Token, b: Token): Token => ({ text: a.text + b.text, start: a.start, end: b.end, kind: 'text' });

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
  uncertainOut: number[] = [],
): Slots {
  const n = table.columns.length;
  const written = values.filter((t) => t.kind === 'value');
  if (written.length >= n) return written.slice(0, n);
  if (values.length >= n) return values.slice(0, n);
  if (values.length === 0) return new Array<Token | null>(n).fill(null);
  const a = chooseAlignment(placements(values, n), fails, n);
  const where = at ? { start: at.start, end: at.end } : {};
  uncertainOut.push(...a.uncertain);
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
      let label = t;
      const next = tokens[i + 1];
      if (!hit && values.length === 0 && next?.kind === 'text' && i + 2 < block.to && tokens[i + 2]!.kind !== 'text' && !findRow(next)) {
        // a label broken over two lines where neither half matches alone
        hit = findRow({ ...t, text: t.text + next.text });
        if (hit) { label = joinLabel(t, next); i++; values = valuesAfter(tokens, i).filter((_, k) => i + 1 + k < block.to); }
      }
      if (hit) {
        used.add(hit.table.id + '.' + hit.row.key);
        current = hit.table;
        if (values.length === 0) {
          const c = continuation(tokens, i, block.to, (x) => !!findRow(x) || /第二十条/.test(x.text));
          if (c >= 0) { label = joinLabel(t, tokens[c]!); i = c; values = valuesAfter(tokens, c).filter((_, k) => c + 1 + k < block.to); }
        }
        emitRow(cells, hit.table, hit.row.key, label, alignValues(values, hit.table, hit.row.key, t, diags));
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
    if (bestK < 0 && next?.kind === 'text' && tokens[i + 2] && tokens[i + 2]!.kind !== 'text' && t.text.length + next.text.length < 80 && near(next, p).k < 0) {
      // a label broken over two lines where neither half matches alone ('1.本机关不掌' + '握相关政府信息')
      bestK = near({ ...t, text: t.text + next.text }, p).k;
      joined = bestK >= 0;
    }
    if (bestK >= 0) {
      let label = t;
      if (joined) { label = joinLabel(t, next!); i++; }
      let values = valuesAfter(tokens, i);
      if (values.length === 0 && !joined) {
        const c = continuation(tokens, i, tokens.length, (x) => near(x, p).k >= 0);
        if (c >= 0) { label = joinLabel(t, tokens[c]!); i = c; values = valuesAfter(tokens, c); }
      }
      const key = rows[bestK]!.row.key;
      if (values.length === 0) {
        // a label with nothing after it: a header cell repeated after a page break ('其他', '总计') or a row whose
        // cells all vanished. Kept only if the row turns up nowhere else; the reading position does not move.
        if (!weak.has(key)) weak.set(key, { key, label: t, values });
        continue;
      }
      if (found.some((f) => f.key === key)) continue;
      found.push({ key, label, values });
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
  // columns of rows the rules could not place are unknown, not zero
  const unsure = new Map<string, Set<number>>();
  const num = (row: string, col: number, self: string, cand: Slots): number | undefined => {
    if (row === self) return tokenNumber(cand[col] ?? null);
    const slots = grid.get(row);
    return slots && !unsure.get(row)?.has(col) ? tokenNumber(slots[col] ?? null) : undefined;
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
    const uncertain: number[] = [];
    grid.set(f.key, alignValues(f.values, table, f.key, f.label, diags, fails, uncertain));
    if (uncertain.length) unsure.set(f.key, new Set(uncertain));
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
  let best = runs.find((r) => r.length >= n) ?? null;
  if (!best) {
    // the three groups written as rows of five with their labels between ('行政复议 9 0 7 3 19' / '未经复议直接起诉 …'):
    // consecutive runs that add up to exactly n cells, each a whole number of groups of five
    for (let i = 0; i < runs.length && !best; i++) {
      let total = 0;
      for (let j = i; j < runs.length && total < n; j++) {
        if (runs[j]!.length % 5 !== 0) break;
        total += runs[j]!.length;
        if (total === n) {
          const joined = runs.slice(i, j + 1).flat();
          if (j > i) {
            best = joined;
            diags.push({ severity: 'info', code: 'review_split', message: `review_litigation: the ${n} cells were read from ${j - i + 1} rows`, start: joined[0]!.start, end: joined[n - 1]!.end });
          }
        }
      }
    }
  }
  if (!best) {
    // three rows of five where cells left no trace: align each group by its own sum
    for (let i = 0; i + 3 <= runs.length; i++) {
      const groups = runs.slice(i, i + 3);
      if (!groups.every((g) => g.length >= 3 && g.length <= 5) || groups.every((g) => g.length === 5)) continue;
      const slots: Slots = [];
      const unsure: string[] = [];
      groups.forEach((g, k) => {
        const a = chooseAlignment(placements(g, 5), (c) => reviewFails([...c, ...Array<Token | null>(10).fill(null)].slice(0, 15)) , 5);
        slots.push(...a.slots);
        unsure.push(...a.uncertain.map((x) => table.columns[k * 5 + x]!.key));
      });
      emitRow(cells, table, 'counts', null, slots);
      for (const c of cells) if (c.table_id === table.id) c.row_label = null;
      diags.push(unsure.length
        ? { severity: 'warning', code: 'row_ambiguous', message: `review_litigation: cells missing in the rows of five; columns ${unsure.join(', ')} left blank`, start: groups[0]![0]!.start, end: groups[2]!.at(-1)!.end }
        : { severity: 'info', code: 'row_aligned', message: 'review_litigation: cells missing in the rows of five; placed by the group sums', start: groups[0]![0]!.start, end: groups[2]!.at(-1)!.end });
      return true;
    }
  }
  best ??= runs.find((r) => r.length >= n - 3 && r.filter((t) => t.kind === 'value').length >= 5) ?? null;
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

/** Where the applications table begins when no heading says so: its 申请人情况 header, else the line of 本年新收. */
function appsTableStart(text: string, from: number): number {
  const row = text.indexOf('本年新收', from);
  if (row < 0) return -1;
  const head = text.lastIndexOf('申请人情况', row);
  const at = head >= from && row - head < 800 ? head : row;
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Extract the template tables of sections 二, 三 and 四 as cells with offsets into `text`. */
export function extractTables(text: string, sections: SectionRow[], format: ModernFormat): { cells: CellDraft[]; diagnostics: Diagnostic[]; found: string[] } {
  const cells: CellDraft[] = [];
  const diagnostics: Diagnostic[] = [];
  const sec = (key: SectionRow['key']): SectionRow | undefined => sections.find((s) => s.key === key);
  // a heading the segmenter did not recognise must not lose a table: look for the table itself, and say so
  const missing = (what: string, found: boolean, at?: number): void => {
    diagnostics.push({ severity: 'warning', code: 'section_missing', message: `section ${what} not found${found ? '; its table was read where it stands' : ''}`, ...(at === undefined ? {} : { start: at, end: at }) });
  };
  const pseudo = (key: SectionRow['key'], start: number, end: number): SectionRow => ({ report_id: '', ord: 0, key, heading: '', start, end: Math.max(start, end) });

  let active = sec('active_disclosure');
  if (!active) {
    const at = text.search(/第二十条第?\s*[(（]\s*一\s*[)）]/);
    const end = sec('applications')?.start ?? (at >= 0 ? appsTableStart(text, at) : -1);
    if (at >= 0) active = pseudo('active_disclosure', at, end > at ? end : Math.min(text.length, at + 6000));
    missing('二 (active disclosure)', !!active, at >= 0 ? at : undefined);
  }
  if (active) extractActive(text, active, format, cells, diagnostics);

  let apps = sec('applications');
  if (!apps) {
    const at = text.indexOf('本年新收', active?.end ?? 0);
    if (at >= 0) apps = pseudo('applications', Math.max(active?.end ?? 0, appsTableStart(text, at)), sec('review_litigation')?.start ?? text.length);
    missing('三 (applications)', !!apps, at >= 0 ? at : undefined);
  }
  if (apps) extractApplications(text, apps, format, cells, diagnostics);

  let review = sec('review_litigation');
  if (!review) {
    const appsEnd = cells.filter((c) => c.table_id === 'applications').reduce((m, c) => Math.max(m, c.end), apps?.start ?? 0);
    const at = text.indexOf('行政复议', appsEnd);
    if (at >= 0) {
      const next = sections.find((s) => (s.key === 'problems' || s.key === 'other') && s.start > at)?.start;
      review = pseudo('review_litigation', at, next ?? Math.min(text.length, at + 4000));
    }
    missing('四 (review and litigation)', !!review, at >= 0 ? at : undefined);
  }
  if (review) extractReview(text, review, format, cells, diagnostics);
  if (format === 'gov_2021') convertFeeToWan(cells, diagnostics);
  const found = [...new Set(cells.map((c) => c.table_id))];
  return { cells, diagnostics, found };
}
