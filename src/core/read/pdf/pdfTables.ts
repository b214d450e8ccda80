import type { Ruling } from './pdfRulings.ts';
import { groupLines, lineText, WIDE_CHAR, type Run } from './pdfRuns.ts';

/** A cell of a ruled table: its slots, its text and where each run stands in it. */
export interface PdfCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  runs: Run[];
  /** [from, to) of each run in `text` */
  at: [number, number][];
}

/** A table drawn with rules: slot boundaries and its cells (each slot belongs to exactly one cell). */
export interface PdfTable {
  xs: number[];
  ys: number[];
  cells: PdfCell[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Lines closer than this are one boundary (double borders, borders drawn per cell a little apart). */
const MERGE = 3;
/** How far a rule may stop short of the line it meets (Word leaves small gaps at joints). */
const REACH = 2.5;

/**
 * Tables drawn with rules: rulings that meet form a frame; its vertical rules give the column boundaries and its
 * horizontal rules the row boundaries; two neighbouring slots belong to one cell when no rule separates them
 * (rowspan/colspan). Each run is put into the cell that holds its centre; runs in no table are returned as `rest`.
 */
export function pdfTables(rulings: readonly Ruling[], runs: readonly Run[]): { tables: PdfTable[]; rest: Run[] } {
  const tables: PdfTable[] = [];
  for (const group of frames(rulings)) {
    const t = latticeOf(group);
    if (t) tables.push(t);
  }
  const rest: Run[] = [];
  const inCell = new Map<PdfCell, Run[]>();
  for (const r of runs) {
    const cx = r.x + r.w / 2;
    const cy = (r.top + r.bottom) / 2;
    const t = tables.find((t) => cx >= t.left && cx <= t.right && cy >= t.top && cy <= t.bottom);
    const cell = t && cellAt(t, cx, cy);
    if (!cell) {
      rest.push(r);
      continue;
    }
    const list = inCell.get(cell) ?? [];
    list.push(r);
    inCell.set(cell, list);
  }
  for (const [cell, list] of inCell) fillCell(cell, list);
  return { tables: tables.filter((t) => t.cells.some((c) => c.text)), rest };
}

/** Connected sets of rulings (a horizontal and a vertical one are connected where they cross or touch). */
function frames(rulings: readonly Ruling[]): Ruling[][] {
  const parent = rulings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = rulings.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'h');
  const vs = rulings.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'v');
  for (const [h, i] of hs)
    for (const [v, j] of vs)
      if (v.at >= h.a - REACH && v.at <= h.b + REACH && h.at >= v.a - REACH && h.at <= v.b + REACH) parent[find(i)] = find(j);
  const groups = new Map<number, Ruling[]>();
  rulings.forEach((r, i) => {
    const k = find(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  return [...groups.values()];
}

/** Boundary values clustered (closer than MERGE → their mean). */
function boundaries(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= MERGE) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function latticeOf(group: readonly Ruling[]): PdfTable | null {
  const h = group.filter((r) => r.dir === 'h');
  const v = group.filter((r) => r.dir === 'v');
  if (h.length < 2 || v.length < 2) return null;
  const xs = boundaries(v.map((r) => r.at));
  const ys = boundaries(h.map((r) => r.at));
  if (xs.length < 3 && ys.length < 3) return null;
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // a wall between two slots is there when a rule at the boundary covers the middle of their shared edge
  const vWall = (c: number, r: number) => {
    const x = xs[c]!;
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    return v.some((s) => Math.abs(s.at - x) <= MERGE && s.a - REACH <= mid && s.b + REACH >= mid);
  };
  const hWall = (r: number, c: number) => {
    const y = ys[r]!;
    const mid = (xs[c]! + xs[c + 1]!) / 2;
    return h.some((s) => Math.abs(s.at - y) <= MERGE && s.a - REACH <= mid && s.b + REACH >= mid);
  };
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !vWall(c + 1, r)) parent[find(r * nc + c)] = find(r * nc + c + 1);
      if (r + 1 < nr && !hWall(r + 1, c)) parent[find(r * nc + c)] = find((r + 1) * nc + c);
    }
  const byRoot = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const k = find(r * nc + c);
      const b = byRoot.get(k);
      if (!b) byRoot.set(k, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r); b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c); b.c1 = Math.max(b.c1, c);
      }
    }
  // a region that is not a rectangle (a missing rule inside a table) is cut back to rectangles along its rows
  const cells: PdfCell[] = [];
  const owner = new Array<PdfCell | undefined>(nr * nc);
  for (const b of [...byRoot.values()].sort((p, q) => p.r0 - q.r0 || p.c0 - q.c0)) {
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) {
        if (owner[r * nc + c]) continue;
        let c1 = c;
        while (c1 + 1 <= b.c1 && !owner[r * nc + c1 + 1] && find(r * nc + c1 + 1) === find(b.r0 * nc + b.c0)) c1++;
        let r1 = r;
        const rowFree = (rr: number) => {
          for (let cc = c; cc <= c1; cc++) if (owner[rr * nc + cc] || find(rr * nc + cc) !== find(r * nc + c)) return false;
          return true;
        };
        while (r1 + 1 <= b.r1 && rowFree(r1 + 1)) r1++;
        const cell: PdfCell = { row: r, col: c, rowspan: r1 - r + 1, colspan: c1 - c + 1, text: '', runs: [], at: [] };
        for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) owner[rr * nc + cc] = cell;
        cells.push(cell);
      }
  }
  cells.sort((p, q) => p.row - q.row || p.col - q.col);
  return { xs, ys, cells, top: ys[0]!, bottom: ys[ys.length - 1]!, left: xs[0]!, right: xs[xs.length - 1]! };
}

function cellAt(t: PdfTable, x: number, y: number): PdfCell | undefined {
  const c = t.xs.findIndex((v, i) => i + 1 < t.xs.length && x >= v && x <= t.xs[i + 1]!);
  const r = t.ys.findIndex((v, i) => i + 1 < t.ys.length && y >= v && y <= t.ys[i + 1]!);
  if (c < 0 || r < 0) return undefined;
  return t.cells.find((k) => r >= k.row && r < k.row + k.rowspan && c >= k.col && c < k.col + k.colspan);
}

/**
 * A cell's text from its runs: lines top to bottom, runs left to right, wrapped lines joined (Chinese without a
 * space), so a label wrapped over three lines and a margin label written one character per line both read whole.
 */
export function fillCell(cell: PdfCell, runs: Run[]): void {
  let text = '';
  const at: [number, number][] = [];
  const ordered: Run[] = [];
  for (const line of groupLines(runs)) {
    const l = lineText(line);
    const sep = text && !(WIDE_CHAR.test(text[text.length - 1]!) && WIDE_CHAR.test(l.text[0]!)) ? ' ' : '';
    text += sep;
    for (const [a, b] of l.at) at.push([text.length + a, text.length + b]);
    ordered.push(...l.runs);
    text += l.text;
  }
  cell.text = text;
  cell.runs = ordered;
  cell.at = at;
}
