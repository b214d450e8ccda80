import type { CellFlag, Diagnostic } from '../schema.ts';
import { formatTemplate, type ModernFormat, type TemplateTable } from '../template/template.ts';
import { tokenNumber, type Slots } from './alignRow.ts';
import { agree, describeCands, fitRow, type FitMode, type RowFit } from './fitRow.ts';
import { alignRows, labelKeys, observe, type RowDef } from './rowMatch.ts';
import { emitRow, spanOf, type TableContext } from './tableContext.ts';
import { looksGlued } from './splitGlued.ts';
import type { Token } from './tokenize.ts';

const APPLICANT_COLS = 6;
const BAL: [string, 1 | -1][] = [['new_received', 1], ['carried_over', 1], ['results_total', -1], ['carried_forward', -1]];
const OTHER_2021 = ['other_no_correction', 'other_no_fee', 'other_other'];
/** Beyond this many combinations of the undecided rows' readings, rows are decided one at a time. */
const MAX_COMBOS = 4096;

const ROWS_MEMO = new Map<ModernFormat, RowDef[]>();

/**
 * The data rows of the format in order, plus the other form's 其他处理 rows (the 2019 single row in a 2021 table and
 * the 2021 three in a 2019 table: hybrid forms are real), matched by label only.
 */
export function applicationRows(format: ModernFormat): RowDef[] {
  const memo = ROWS_MEMO.get(format);
  if (memo) return memo;
  const own = formatTemplate(format).tables.find((t) => t.id === 'applications')!;
  const other = formatTemplate(format === 'gov_2021' ? 'gov_2019' : 'gov_2021').tables.find((t) => t.id === 'applications')!;
  const out: RowDef[] = [];
  own.rows.forEach((r, i) => {
    if (format === 'gov_2021' && r.key === 'other') out.push({ key: 'other_processing', keys: labelKeys('（六）其他处理'), order: i, alt: true });
    if (r.data) out.push({ key: r.key, keys: labelKeys(r.label), order: i });
    if (format === 'gov_2019' && r.key === 'other_processing') {
      OTHER_2021.forEach((k, j) => out.push({ key: k, keys: labelKeys(other.rows.find((x) => x.key === k)!.label), order: i + (j + 1) / 4, alt: true }));
    }
  });
  ROWS_MEMO.set(format, out);
  return out;
}

interface RowRead { key: string; label: Token | null; values: Token[]; fit: RowFit; byOrder: boolean }

/** The applications table (section 三) from a stretch of tokens; returns whether any row was found. */
export function extractApplications(ctx: TableContext, tokens: readonly Token[], region: { start: number; end: number }): boolean {
  const table = formatTemplate(ctx.format).tables.find((t) => t.id === 'applications')!;
  const n = table.columns.length;
  const rows = applicationRows(ctx.format);
  const obs = observe(tokens, rows);
  // a row of the other form wins only when its label is the better match
  // (and only for a full row: a stray number after the parent label （六）其他处理 is not the 2019 row)
  for (const o of obs) {
    const written = o.values.filter((v) => v.kind === 'value');
    const full = written.length >= Math.ceil(n / 2) || written.some(looksGlued);
    o.hits = o.hits.filter((h) => !rows[h.row]!.alt || full);
    for (const h of o.hits) if (rows[h.row]!.alt) h.score = Math.max(1, h.score - 1);
  }
  const { placed, unplaced } = alignRows(obs, rows, Math.ceil(n / 2));
  const d = ctx.diagnostics;
  if (placed.length === 0) {
    d.push({ severity: 'warning', code: 'table_missing', message: 'applications table not found in section 三 (text only, or an image)', start: region.start, end: region.end });
    return false;
  }
  const ownFails = (s: Slots): number => {
    const applicants = s.slice(0, APPLICANT_COLS).reduce((a, t) => a + tokenNumber(t), 0);
    return applicants !== tokenNumber(s[APPLICANT_COLS] ?? null) ? 1 : 0;
  };
  const reads: RowRead[] = placed.map((p) => ({
    key: rows[p.row]!.key, label: p.obs.label, values: p.obs.values, fit: fitRow(p.obs.values, n, ownFails), byOrder: p.byOrder,
  }));
  const chosen = resolveTable(reads, n, ctx.format);
  for (const r of reads) {
    const c = chosen.get(r.key)!;
    const flags: (CellFlag | null)[] = c.flags.map((f, k) => f ?? (r.byOrder && c.slots[k] ? 'row_by_order' : null));
    emitRow(ctx, table, r.key, r.label, c.slots, flags, spanOf(r.values));
    noteRow(d, r, c.uncertain, table, n);
  }
  for (const o of unplaced) {
    const span = spanOf(o.values)!;
    d.push({ severity: 'warning', code: 'values_unplaced', message: `applications: a row of ${o.values.length} values without a label (${o.values.map((v) => v.text || '·').join(' ')}) could not be placed by the template's row order`, ...span });
  }
  const found = new Set(reads.map((r) => r.key));
  const expected = expectedRows(rows, found);
  const missing = expected.filter((k) => !found.has(k));
  if (missing.length) {
    d.push({ severity: 'warning', code: 'table_partial', message: `applications: ${found.size} of ${expected.length} rows found; missing: ${missing.join(', ')}`, start: region.start, end: region.end });
  }
  if (found.has('other_processing') && ctx.format === 'gov_2021') d.push({ severity: 'info', code: 'hybrid_form', message: 'applications: the 2019 form\'s single row （六）其他处理 in a 2021 table' });
  if (OTHER_2021.some((k) => found.has(k)) && ctx.format === 'gov_2019') d.push({ severity: 'info', code: 'hybrid_form', message: 'applications: the 2021 form\'s three rows under （六）其他处理 in a 2019 table' });
  return true;
}

/** The rows a complete table has: the format's own, with the other form's 其他处理 rows where the report used them. */
function expectedRows(rows: readonly RowDef[], found: ReadonlySet<string>): string[] {
  const hybrid2021 = found.has('other_processing') && !OTHER_2021.some((k) => found.has(k));
  const hybrid2019 = OTHER_2021.some((k) => found.has(k)) && !found.has('other_processing');
  return rows.filter((r) => {
    if (r.alt) return (r.key === 'other_processing' && hybrid2021) || (OTHER_2021.includes(r.key) && hybrid2019);
    if (hybrid2021 && OTHER_2021.includes(r.key)) return false;
    if (hybrid2019 && r.key === 'other_processing') return false;
    return true;
  }).map((r) => r.key);
}

function noteRow(d: Diagnostic[], r: RowRead, uncertain: number[], table: TemplateTable, n: number): void {
  const where = spanOf(r.values) ?? (r.label ? { start: r.label.start, end: r.label.end } : {});
  if (r.byOrder) d.push({ severity: 'info', code: 'row_by_order', message: `applications: values without a label placed in row ${r.key} by the template's row order`, ...where });
  if (uncertain.length) {
    const cols = uncertain.map((k) => table.columns[k]!.key).join(', ');
    const what = r.fit.mode === 'split'
      ? `digits run together (${r.values.map((v) => v.text).join(' ')}) can be cut into ${n} cells in more than one way the rules accept${r.fit.cands.length ? `: ${describeCands(r.fit.cands)}` : ''}`
      : `${r.values.length} of ${n} cells and the rules cannot place them`;
    d.push({ severity: 'warning', code: r.fit.mode === 'split' ? 'split_ambiguous' : 'row_ambiguous', message: `applications: row ${r.key}: ${what}; columns ${cols} left blank`, ...where });
  } else if (r.fit.mode === 'placed') {
    d.push({ severity: 'info', code: 'row_aligned', message: `applications: row ${r.key} has ${r.values.length} of ${n} cells; placed by the consistency rules (${r.fit.tried} placements tried)`, ...where });
  } else if (r.fit.mode === 'split' && r.fit.tried > 1) {
    d.push({ severity: 'info', code: 'split_resolved', message: `applications: row ${r.key}: digits run together cut into ${n} cells by the consistency rules (${r.fit.tried} cuts tried)`, ...where });
  }
}

type Choice = { slots: Slots; flags: (CellFlag | null)[]; uncertain: number[] };

/**
 * Decide the rows with several readings together, by the table's column rules (APP-SUM over the result rows, APP-BAL)
 * over the rows that are there. A combination that breaks none wins where it is the only one; otherwise each row keeps
 * only what all its remaining readings agree on.
 */
function resolveTable(reads: RowRead[], n: number, format: ModernFormat): Map<string, Choice> {
  const byKey = new Map(reads.map((r) => [r.key, r]));
  const resultRows = resultRowsOf(format, byKey);
  const hasAll = (keys: string[]): boolean => keys.every((k) => byKey.has(k));
  const rules: string[][] = [];
  if (byKey.has('results_total') && resultRows.length && hasAll(resultRows)) rules.push(['results_total', ...resultRows]);
  const balOk = hasAll(BAL.map(([k]) => k));
  const fails = (assign: Map<string, Slots>): number => {
    let bad = 0;
    for (let c = 0; c < n; c++) {
      if (rules.length) {
        let s = 0;
        for (const k of resultRows) s += tokenNumber(assign.get(k)![c] ?? null);
        if (s !== tokenNumber(assign.get('results_total')![c] ?? null)) bad++;
      }
      if (balOk) {
        let b = 0;
        for (const [k, sign] of BAL) b += sign * tokenNumber(assign.get(k)![c] ?? null);
        if (b !== 0) bad++;
      }
    }
    return bad;
  };
  const out = new Map<string, Choice>();
  const open = reads.filter((r) => r.fit.cands.length > 1);
  let combos = 1;
  for (const r of open) combos *= r.fit.cands.length;
  if (open.length && (rules.length || balOk) && combos <= MAX_COMBOS) {
    const assign = new Map<string, Slots>();
    for (const r of reads) if (r.fit.cands.length === 1) assign.set(r.key, r.fit.cands[0]!);
    for (const r of reads) if (r.fit.cands.length === 0) assign.set(r.key, new Array<Token | null>(n).fill(null));
    const good: Slots[][] = [];
    let min = Infinity;
    const idx = new Array<number>(open.length).fill(0);
    for (let k = 0; k < combos; k++) {
      let x = k;
      open.forEach((r, j) => { idx[j] = x % r.fit.cands.length; x = Math.floor(x / r.fit.cands.length); assign.set(r.key, r.fit.cands[idx[j]!]!); });
      const f = fails(assign);
      if (f < min) { min = f; good.length = 0; }
      if (f === min) good.push(open.map((r, j) => r.fit.cands[idx[j]!]!));
    }
    open.forEach((r, j) => {
      const keep = min === 0 ? [...new Set(good.map((g) => g[j]!))] : r.fit.cands;
      out.set(r.key, agree(keep, n, r.fit.mode));
    });
  }
  for (const r of reads) if (!out.has(r.key)) out.set(r.key, agree(r.fit.cands, n, r.fit.mode as FitMode));
  return out;
}

/** The rows APP-SUM adds up: the format's result rows, or the other form's 其他处理 rows where the report used them. */
export function resultRowsOf(format: ModernFormat, present: ReadonlyMap<string, unknown> | ReadonlySet<string>): string[] {
  const table = formatTemplate(format).tables.find((t) => t.id === 'applications')!;
  let results = table.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const has = (k: string): boolean => present.has(k);
  if (format === 'gov_2021' && has('other_processing') && !OTHER_2021.some(has)) results = results.filter((k) => !OTHER_2021.includes(k)).concat('other_processing');
  if (format === 'gov_2019' && OTHER_2021.some(has) && !has('other_processing')) results = results.filter((k) => k !== 'other_processing').concat(OTHER_2021);
  return results;
}
