import { groupLines, median, type Run } from './pdfRuns.ts';
import { fillCell } from './pdfTables.ts';
import { headerRows, withHeaderColumns } from './streamHeaders.ts';
import { lineOf, overlaps, pieceOf, stacks, VALUE, type Line, type Piece, type StreamCell, type StreamTable } from './streamLines.ts';

export type { StreamCell, StreamTable } from './streamLines.ts';

/** Lines further apart than this (line heights) are not one table. */
const MAX_GAP = 4;
const HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节]|第二十条)/;

/** A line carrying a table row's numbers: two or more value cells, or a label then a value cell far to its right. */
function isAnchor(l: Line): boolean {
  const values = l.segs.filter((s) => s.value);
  if (values.length >= 2) return l.segs.findIndex((s) => s.value) >= l.segs.length - values.length - 1;
  if (values.length !== 1 || l.segs.length < 2) return false;
  const v = values[0]!;
  return l.segs[l.segs.length - 1] === v && v.x - l.segs[l.segs.length - 2]!.right >= 2 * l.size;
}

/** Value columns: the x-extents of value cells, merged where they overlap. */
function columnsOf(anchors: Line[]): [number, number][] {
  const spans = anchors.flatMap((l) => l.segs.filter((s) => s.value).map((s) => [s.x, s.right] as [number, number])).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Tables without rules among the runs of a page (those outside ruled tables): consecutive anchor lines whose
 * numbers share columns, with the wrapped label lines between them and the header lines just above them.
 */
export function streamTables(runs: readonly Run[]): { tables: StreamTable[]; rest: Run[] } {
  const lines = groupLines(runs).map(lineOf);
  const lh = median(lines.map((l) => l.bottom - l.top)) || 10;
  const used = new Set<Line>();
  const tables: StreamTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isAnchor(lines[i]!)) { i++; continue; }
    // the anchors of one table: until a long gap, a heading, or a header line of the next table
    const block: Line[] = [lines[i]!];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.top - block[block.length - 1]!.bottom > MAX_GAP * lh) break;
      const cols = columnsOf(block.filter(isAnchor));
      const firstValue = cols[0]?.[0] ?? Infinity;
      if (!isAnchor(l)) {
        const inValues = l.segs.filter((s) => cols.some(([a, b]) => overlaps(s.x, s.right, a, b)));
        if (inValues.length >= 1 && l.segs.length >= 2 && l.segs.every((s) => !s.value)) break;
        if (HEADING.test(l.segs[0]?.text ?? '') && l.segs[0]!.x < firstValue) break;
        if (l.segs.some((s) => s.right > firstValue && !s.value) && l.segs.length === 1 && l.segs[0]!.x < firstValue - 4 * l.size) break;
      } else if (cols.length > 0 && !l.segs.filter((s) => s.value).every((s) => cols.some(([a, b]) => overlaps(s.x, s.right, a, b)))) break;
      block.push(l);
    }
    // label lines after the last anchor belong to it only when close (a wrapped label's last line)
    while (block.length > 1 && !isAnchor(block[block.length - 1]!) && block[block.length - 1]!.top - lastAnchor(block).bottom > 1.5 * lh) block.pop();
    const anchors = block.filter(isAnchor);
    const cols = columnsOf(anchors);
    // header lines just above: close, not a heading, reaching into the value columns (or stacked on one that does)
    const header: Line[] = [];
    for (let k = i - 1; k >= 0; k--) {
      const l = lines[k]!;
      const below = header[0] ?? block[0]!;
      if (below.top - l.bottom > 3 * lh || used.has(l) || HEADING.test(l.segs[0]?.text ?? '') || l.segs.some((s) => s.value)) break;
      const reaches = l.segs.some((s) => cols.some(([a, b]) => overlaps(s.x, s.right, a, b)));
      if (!reaches && header.length === 0 && !(l.segs.length === 1 && l.segs[0]!.right < (cols[0]?.[0] ?? 0))) break;
      header.unshift(l);
    }
    // label lines just above the first row are its wrapped label, not a header (a table continued from the last page)
    const reachesValues = (l: Line) => l.segs.some((s) => cols.some(([a, b]) => overlaps(s.x, s.right, a, b)));
    while (header.length > 0 && !reachesValues(header[header.length - 1]!) && block[0]!.top - header[header.length - 1]!.bottom <= 0.6 * lh) block.unshift(header.pop()!);
    if (!header.some(reachesValues)) header.length = 0;
    if (anchors.length >= 2 || (anchors.length === 1 && header.length > 0)) {
      const t = build([...header], block, anchors, cols, lh);
      if (t) {
        tables.push(t);
        for (const l of [...header, ...block]) used.add(l);
      }
    }
    i = Math.max(j, i + 1);
  }
  const rest = lines.filter((l) => !used.has(l)).flatMap((l) => l.runs);
  return { tables, rest };
}

/**
 * A segment's runs as values and label text: runs that touch (a number and its unit or sign in another font:
 * `0` `件`, `增` `170`) and together read as a value are one value, when they stand in the value columns.
 */
function valueGroups(runs: readonly Run[], firstValue: number): { runs: Run[]; value: boolean }[] {
  const touching: Run[][] = [];
  for (const r of runs) {
    const g = touching[touching.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && r.x - (prev.x + prev.w) <= 0.3 * Math.min(prev.size, r.size)) g.push(r);
    else touching.push([r]);
  }
  const out: { runs: Run[]; value: boolean }[] = [];
  for (const g of touching) {
    const last = g[g.length - 1]!;
    const inValues = last.x + last.w > firstValue - 0.5 * last.size;
    if (inValues && VALUE.test(g.map((r) => r.str).join('').replace(/\s+/g, ''))) out.push({ runs: g, value: true });
    else if (inValues && g.length > 1) {
      // a label glued to its first value by a small gap: the value is the longest tail that reads as one
      let k = g.length - 1;
      while (k > 0 && VALUE.test(g.slice(k - 1).map((r) => r.str).join('').replace(/\s+/g, ''))) k--;
      const tail = g.slice(k);
      if (VALUE.test(tail.map((r) => r.str).join('').replace(/\s+/g, '')) && tail[0]!.x >= firstValue - 0.5 * tail[0]!.size) {
        out.push({ runs: g.slice(0, k), value: false }, { runs: tail, value: true });
      } else out.push({ runs: g, value: false });
    } else out.push({ runs: g, value: false });
  }
  return out.filter((g) => g.runs.length > 0);
}

const lastAnchor = (block: Line[]): Line => [...block].reverse().find(isAnchor)!;

function build(header: Line[], block: Line[], anchors: Line[], valueCols: [number, number][], lh: number): StreamTable | null {
  if (valueCols.length === 0) return null;
  const firstValue = valueCols[0]![0];
  const cols = withHeaderColumns(valueCols, header, firstValue);
  // label columns: where label cells start, clustered
  const starts = block.flatMap((l) => l.segs.filter((s) => !s.value && s.x < firstValue).map((s) => s.x)).sort((a, b) => a - b);
  const labelCols: number[] = [];
  for (const x of starts) if (labelCols.length === 0 || x - labelCols[labelCols.length - 1]! > 1.5 * lh) labelCols.push(x);
  if (labelCols.length === 0) labelCols.push(0);
  const nLabel = labelCols.length;
  const labelCol = (x: number) => {
    let k = 0;
    for (let c = 0; c < nLabel; c++) if (x >= labelCols[c]! - 0.75 * lh) k = c;
    return k;
  };
  const valueCol = (x0: number, x1: number) => {
    const hit = cols.findIndex(([a, b]) => overlaps(x0, x1, a, b));
    if (hit >= 0) return hit;
    let best = 0;
    cols.forEach(([a, b], k) => { if (Math.abs((a + b) / 2 - (x0 + x1) / 2) < Math.abs((cols[best]![0] + cols[best]![1]) / 2 - (x0 + x1) / 2)) best = k; });
    return best;
  };
  // label pieces per column: a segment's runs, cut where a run starts at another label column (两列标签 glued by a small gap)
  const labelPieces: Piece[][] = labelCols.map(() => []);
  const values: { run: Run; col: number; cy: number }[] = [];
  for (const l of block) {
    let piece: Run[] = [];
    let pieceCol = -1;
    const flush = () => {
      if (piece.length) labelPieces[pieceCol]!.push(pieceOf(piece));
      piece = [];
    };
    for (const s of l.segs)
      for (const group of valueGroups(s.runs, firstValue)) {
        if (group.value) {
          flush();
          const x0 = group.runs[0]!.x;
          const last = group.runs[group.runs.length - 1]!;
          for (const run of group.runs) values.push({ run, col: valueCol(x0, last.x + last.w), cy: l.cy });
          continue;
        }
        for (const [k, r] of group.runs.entries()) {
          // a run that starts another label column after a visible gap starts a new piece; mid-label breaks do not
          const prev = k > 0 ? group.runs[k - 1] : piece[piece.length - 1];
          const c = labelCol(r.x);
          const cut = piece.length === 0 || (c !== pieceCol && !!prev && r.x - (prev.x + prev.w) > 0.3 * r.size);
          if (cut) {
            flush();
            pieceCol = c;
          }
          piece.push(r);
        }
      }
    flush();
  }
  const cys = anchors.map((a) => a.cy);
  const nearest = (cy: number) => {
    let k = 0;
    for (let b = 1; b < cys.length; b++) if (Math.abs(cys[b]! - cy) < Math.abs(cys[k]! - cy)) k = b;
    return k;
  };
  const width = nLabel + cols.length;
  const grid: Run[][][] = cys.map(() => Array.from({ length: width }, () => []));
  labelPieces.forEach((pieces, c) => {
    for (const st of stacks(pieces, lh)) grid[nearest((st.top + st.bottom) / 2)]![c]!.push(...st.runs);
  });
  for (const v of values) grid[nearest(v.cy)]![nLabel + v.col]!.push(v.run);
  const cellOf = (runs: Run[], row: number, col: number, colspan = 1): StreamCell => {
    const cell: StreamCell = { row, col, rowspan: 1, colspan, text: '', runs: [], at: [] };
    fillCell(cell, runs);
    return cell;
  };
  const rows: StreamCell[][] = headerRows(header, cols, firstValue, nLabel, lh, cellOf);
  const top = rows.length;
  for (let b = 0; b < grid.length; b++) {
    const row: StreamCell[] = grid[b]!.map((runs, c) => ({ ...cellOf(runs, top + b, c), elide: c < nLabel && runs.length === 0 }));
    // a label reaches over the empty label columns to its right ((六)其他处理 where other rows have 1./2./3.): one cell
    for (let c = nLabel - 2; c >= 0; c--) {
      const cell = row[c]!;
      if (!cell.text) continue;
      let k = c + 1;
      while (k < nLabel && !row[k]!.text && row[k]!.rowspan === 1 && row[k]!.colspan === 1) k++;
      if (k === nLabel && k > c + 1) {
        cell.colspan = nLabel - c;
        for (let j = c + 1; j < nLabel; j++) row[j] = { ...row[j]!, rowspan: 0 };
      }
    }
    rows.push(row);
  }
  const all = [...header, ...block];
  return { rows, top: Math.min(...all.map((l) => l.top)), bottom: Math.max(...all.map((l) => l.bottom)) };
}

