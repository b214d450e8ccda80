import { median, type Run } from './pdfRuns.ts';
import type { PdfCell } from './pdfTables.ts';

// What the reader of tables without rules (pdfStreamTables.ts, streamHeaders.ts) works on: lines of runs cut into
// segments where a gap separates cells, and label pieces stacked into cells.

/**
 * A table drawn without rules, rebuilt from positions: value columns from the numbers that line up, row bands around
 * the lines that carry numbers, label columns from where the labels start. Cells as for a ruled table; a label
 * written down the margin one short line after another over several rows is one cell spanning them.
 */
export interface StreamTable {
  /** header rows (cells by the columns they overlap) then one row per band */
  rows: StreamCell[][];
  top: number;
  bottom: number;
}
export interface StreamCell extends PdfCell {
  /** an empty label slot: kept in the grid, not written on the row's line */
  elide?: boolean;
}

/** A value as tables write it: a count, an amount with its unit, a signed change, or a not-applicable mark. */
export const VALUE = /^(?:[+＋\-－−]|增加?|减少?)?\s*\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|件|项|个|条|次|%)?$|^[/／—–-]{1,2}$|^(?:无|不适用|[零〇一二两三四五六七八九十百千]{1,6}(?:件|项|个)?)$/;
/** Runs of a line further apart than this (font sizes) are in different cells. */
export const CELL_GAP = 1.2;

export interface Segment {
  runs: Run[];
  text: string;
  x: number;
  right: number;
  value: boolean;
}
export interface Line {
  runs: Run[];
  segs: Segment[];
  top: number;
  bottom: number;
  cy: number;
  size: number;
}

export function segmentsOf(runs: Run[]): Segment[] {
  const out: Segment[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    const prev = last?.runs[last.runs.length - 1];
    if (last && prev && r.x - (prev.x + prev.w) <= CELL_GAP * Math.min(prev.size, r.size)) {
      last.runs.push(r);
      last.text += r.str;
      last.right = Math.max(last.right, r.x + r.w);
    } else out.push({ runs: [r], text: r.str, x: r.x, right: r.x + r.w, value: false });
  }
  for (const s of out) s.value = VALUE.test(s.text.replace(/\s+/g, ''));
  return out;
}

export const lineOf = (runs: Run[]): Line => {
  const top = Math.min(...runs.map((r) => r.top));
  const bottom = Math.max(...runs.map((r) => r.bottom));
  return { runs, segs: segmentsOf(runs), top, bottom, cy: (top + bottom) / 2, size: median(runs.map((r) => r.size)) };
};

export const overlaps = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0) > -1;

export interface Piece {
  runs: Run[];
  top: number;
  bottom: number;
}
export const pieceOf = (runs: Run[]): Piece => ({ runs, top: Math.min(...runs.map((r) => r.top)), bottom: Math.max(...runs.map((r) => r.bottom)) });

/** Pieces of one column stacked into the cells they make: a wrapped label's lines follow each other closely. */
export function stacks(pieces: Piece[], lh: number): Piece[] {
  const out: Piece[] = [];
  for (const p of [...pieces].sort((a, b) => a.top - b.top)) {
    const last = out[out.length - 1];
    if (last && p.top - last.bottom <= 0.6 * lh) {
      last.runs.push(...p.runs);
      last.bottom = Math.max(last.bottom, p.bottom);
    } else out.push({ ...p, runs: [...p.runs] });
  }
  return out;
}

