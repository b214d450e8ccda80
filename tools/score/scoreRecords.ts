// The rules of ../shared/tools/score-extract.py, in TypeScript: `npm run extract` records scored against hand-read keys.
import { TEMPLATE } from '../../src/core/template/template.ts';

export interface KeyCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
  state?: string;
  unit?: string | null;
}

export interface AnswerKey {
  file: string;
  format?: string;
  cells: KeyCell[];
}

/** The part of an `npm run extract` line the scorer reads. */
export interface ExtractedRecord {
  file: string;
  report: { format?: string | null } | null;
  cells: { table_id: string; row_key: string; col_key: string; value: number | null; unit: string | null; state: string; flag?: string | null }[];
}

export interface FileScore {
  file: string;
  cells: number;
  right: number;
  /** misses where the parser left the cell blank and flagged it (a flagged blank, not a wrong number) */
  flagged: number;
  /** misses where the parser gave a number that differs from the key's */
  wrong: number;
  misses: string[];
  /** expected format ('a|b' for alternatives) or undefined when the file has no format key */
  expectedFormat?: string;
  format: string | null;
  formatRight: boolean | null;
  crashed: boolean;
}

const KNOWN_ROWS = new Map<string, Set<string>>();
for (const f of Object.values(TEMPLATE.formats)) {
  for (const t of f.tables) {
    const s = KNOWN_ROWS.get(t.id) ?? new Set<string>();
    for (const r of t.rows) s.add(r.key);
    KNOWN_ROWS.set(t.id, s);
  }
}

export function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === null && (b ?? null) === null;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= Math.max(1e-9 * Math.max(Math.abs(x), Math.abs(y)), 1e-6);
}

/** One file: its key (may be absent: format only), its expected format and the extracted record (absent: a crash). */
export function scoreFile(file: string, key: AnswerKey | undefined, expectedFormat: string | undefined, rec: ExtractedRecord | undefined): FileScore {
  const cells = rec?.cells ?? [];
  const index = new Map(cells.map((c) => [`${c.table_id}\u0000${c.row_key}\u0000${c.col_key}`, c]));
  const out: FileScore = {
    file, cells: 0, right: 0, flagged: 0, wrong: 0, misses: [], expectedFormat, format: rec?.report?.format ?? null,
    formatRight: null, crashed: rec === undefined,
  };
  if (expectedFormat) out.formatRight = expectedFormat.split('|').includes(String(out.format));
  for (const c of key?.cells ?? []) {
    out.cells++;
    const x = index.get(`${c.table_id}\u0000${c.row_key}\u0000${c.col_key}`);
    let hit: boolean;
    if (c.row_key.startsWith('@')) {
      const known = KNOWN_ROWS.get(c.table_id) ?? new Set<string>();
      hit = cells.some((y) => y.table_id === c.table_id && y.col_key === c.col_key && !known.has(y.row_key) && sameValue(y.value, c.value));
    } else {
      hit = x !== undefined && sameValue(x.value, c.value);
      if (hit && c.value === null) hit = x!.state === 'blank' || x!.state === 'na';
      if (hit && c.unit && x!.unit !== c.unit) hit = false;
    }
    if (hit) { out.right++; continue; }
    if (x && x.value === null && x.flag) out.flagged++;
    else if (x && x.value !== null) out.wrong++;
    const got = x === undefined ? 'None' : `(${x.value}, ${x.unit}, ${x.state}${x.flag ? `, ${x.flag}` : ''})`;
    out.misses.push(`${c.table_id}.${c.row_key}.${c.col_key}=${c.value}${c.unit ?? ''} got ${got}`);
  }
  return out;
}

export interface Totals { files: number; cells: number; right: number; flagged: number; wrong: number; formats: number; formatsRight: number; crashes: number }

export function totals(scores: readonly FileScore[]): Totals {
  const t: Totals = { files: scores.length, cells: 0, right: 0, flagged: 0, wrong: 0, formats: 0, formatsRight: 0, crashes: 0 };
  for (const s of scores) {
    t.cells += s.cells; t.right += s.right; t.flagged += s.flagged; t.wrong += s.wrong;
    if (s.formatRight !== null) { t.formats++; if (s.formatRight) t.formatsRight++; }
    if (s.crashed) t.crashes++;
  }
  return t;
}

export const pct = (a: number, b: number): string => `${b ? ((100 * a) / b).toFixed(1) : '0.0'}%`;

/** The score-extract.py summary line, plus the misses split into flagged blanks and wrong numbers. */
export const summaryLine = (t: Totals): string =>
  `cells ${t.right}/${t.cells} (${pct(t.right, t.cells)}) formats ${t.formatsRight}/${t.formats} crashes ${t.crashes} · misses: ${t.wrong} wrong numbers, ${t.flagged} flagged blanks, ${t.cells - t.right - t.wrong - t.flagged} other`;
