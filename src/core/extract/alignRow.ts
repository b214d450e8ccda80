import { parseCellValue } from './parseCellValue.ts';
import type { Token } from './tokenize.ts';

export type Slots = (Token | null)[];

/** Beyond this many candidate placements a short row is not searched (its cells are all marked uncertain). */
const MAX_CANDIDATES = 5000;

/** Every way to put the tokens, keeping their order, into n columns (null where a cell left no trace); [] when too many. */
export function placements(tokens: readonly Token[], n: number): Slots[] {
  const m = tokens.length;
  if (m > n) return [];
  let count = 1;
  for (let i = 0; i < n - m; i++) count = (count * (n - i)) / (i + 1);
  if (count > MAX_CANDIDATES) return [];
  const out: Slots[] = [];
  const idx: number[] = [];
  const rec = (from: number, k: number): void => {
    if (k === m) {
      const slots: Slots = new Array<Token | null>(n).fill(null);
      idx.forEach((col, t) => { slots[col] = tokens[t]!; });
      out.push(slots);
      return;
    }
    for (let col = from; col <= n - (m - k); col++) {
      idx[k] = col;
      rec(col + 1, k + 1);
    }
  };
  rec(0, 0);
  return out;
}

/** The number a token stands for in a rule; empty and 'na' cells count as 0, as offices mean them. */
export const tokenNumber = (t: Token | null): number => (t ? (t.parsed ?? parseCellValue(t.text))?.value ?? 0 : 0);

export interface Alignment {
  slots: Slots;
  /** columns no rule could place: their cells are reported as blank and the row gets a diagnostic */
  uncertain: number[];
  candidates: number;
  best: number;
}

/**
 * Choose among candidate placements by the consistency rules. A unique placement that breaks none wins. Otherwise
 * the columns on which every remaining candidate agrees (same number) are kept and the others left uncertain — never
 * a silent guess.
 */
export function chooseAlignment(cands: Slots[], fails: (s: Slots) => number, n: number): Alignment {
  if (cands.length === 0) return { slots: new Array<Token | null>(n).fill(null), uncertain: [...Array(n).keys()], candidates: 0, best: 0 };
  let min = Infinity;
  let best: Slots[] = [];
  for (const c of cands) {
    const f = fails(c);
    if (f < min) { min = f; best = [c]; } else if (f === min) best.push(c);
  }
  // a placement that still breaks a rule is no evidence (the report may contain an error of its own): then only what
  // every placement agrees on is kept
  if (min > 0) best = cands;
  if (best.length === 1) return { slots: best[0]!, uncertain: [], candidates: cands.length, best: 1 };
  const slots: Slots = [];
  const uncertain: number[] = [];
  for (let col = 0; col < n; col++) {
    const first = best[0]![col] ?? null;
    const key = (t: Token | null): string => (t ? String(tokenNumber(t)) + '|' + (parseCellValue(t.text)?.state ?? '') : 'none');
    const k0 = key(first);
    if (best.every((b) => key(b[col] ?? null) === k0)) slots.push(first);
    else { slots.push(null); uncertain.push(col); }
  }
  return { slots, uncertain, candidates: cands.length, best: best.length };
}
