import type { CellFlag } from '../schema.ts';
import { chooseAlignment, placements, tokenNumber, type Slots } from './alignRow.ts';
import { gluedSplits, looksGlued } from './splitGlued.ts';
import type { Token } from './tokenize.ts';

/** How a row's cells were read: in order, placed by the rules among gaps, or cut out of digits run together. */
export type FitMode = 'exact' | 'placed' | 'split' | 'none';

export interface RowFit {
  /** every reading of the row the row's own rule leaves (one when certain) */
  cands: Slots[];
  mode: FitMode;
  /** all readings there were before the row's own rule */
  tried: number;
}

/**
 * The readings of one row of n cells from the tokens after its label. A full row is read in order. A short row is
 * either cells that left no trace (placements of the tokens among n columns) or, when its numbers are written against
 * the label or carry leading zeros, cells run together (cuts of the digit runs into n well-formed numbers). `ownFails`
 * counts the rules of the row itself a reading breaks; readings that break none are kept, and if every reading breaks
 * one, all are kept (a rule the report itself breaks is no evidence).
 */
export function fitRow(values: readonly Token[], n: number, ownFails: (s: Slots) => number = () => 0): RowFit {
  const written = values.filter((t) => t.kind === 'value');
  if (written.length >= n) return { cands: [written.slice(0, n)], mode: 'exact', tried: 1 };
  if (values.length >= n && !written.some(looksGlued)) return { cands: [values.slice(0, n)], mode: 'exact', tried: 1 };
  if (values.length === 0) return { cands: [new Array<Token | null>(n).fill(null)], mode: 'none', tried: 1 };
  if (written.some(looksGlued)) {
    const splits = gluedSplits(written, n);
    if (splits === null) return { cands: [], mode: 'split', tried: 0 };
    if (splits.length > 0) return keepPassing(splits, ownFails, 'split');
  }
  const all = placements(values, n);
  if (all.length === 0) return { cands: [], mode: 'placed', tried: 0 };
  return keepPassing(all, ownFails, 'placed');
}

function keepPassing(all: Slots[], ownFails: (s: Slots) => number, mode: FitMode): RowFit {
  const ok = all.filter((s) => ownFails(s) === 0);
  return { cands: ok.length ? ok : all, mode, tried: all.length };
}

const slotKey = (t: Token | null): string => (t ? `${tokenNumber(t)}|${t.parsed?.state ?? ''}|${t.start}|${t.end}` : 'none');

export interface Resolved {
  slots: Slots;
  /** per column: the flag of a cell the readings disagree on (left blank), else null */
  flags: (CellFlag | null)[];
  uncertain: number[];
}

/** The cells all remaining readings agree on (same number at the same place); the others blank and flagged. */
export function agree(cands: readonly Slots[], n: number, mode: FitMode): Resolved {
  const flag: CellFlag = mode === 'split' ? 'split_ambiguous' : 'row_ambiguous';
  if (cands.length === 0) return { slots: new Array<Token | null>(n).fill(null), flags: new Array<CellFlag | null>(n).fill(flag), uncertain: [...Array(n).keys()] };
  if (cands.length === 1) return { slots: [...cands[0]!], flags: new Array<CellFlag | null>(n).fill(null), uncertain: [] };
  const slots: Slots = [];
  const flags: (CellFlag | null)[] = [];
  const uncertain: number[] = [];
  for (let c = 0; c < n; c++) {
    const k0 = slotKey(cands[0]![c] ?? null);
    if (cands.every((s) => slotKey(s[c] ?? null) === k0)) { slots.push(cands[0]![c] ?? null); flags.push(null); }
    else { slots.push(null); flags.push(flag); uncertain.push(c); }
  }
  return { slots, flags, uncertain };
}

/** The single-row choice of the old aligner, for tables without cross-row rules. */
export function resolveAlone(fit: RowFit, n: number, fails: (s: Slots) => number): Resolved {
  if (fit.cands.length <= 1) return agree(fit.cands, n, fit.mode);
  const a = chooseAlignment(fit.cands, fails, n);
  if (a.uncertain.length === 0) return agree([a.slots], n, fit.mode);
  let min = Infinity;
  let best: Slots[] = [];
  for (const c of fit.cands) {
    const f = fails(c);
    if (f < min) { min = f; best = [c]; } else if (f === min) best.push(c);
  }
  return agree(min > 0 ? fit.cands : best, n, fit.mode);
}

/** Describe a row's remaining readings for a diagnostic: '27|0|0|2|0|1|30 or 2|7|0|0|20|1|30'. */
export const describeCands = (cands: readonly Slots[], max = 4): string =>
  cands.slice(0, max).map((s) => s.map((t) => (t ? t.text : '·')).join('|')).join(' or ') + (cands.length > max ? ` (+${cands.length - max} more)` : '');
