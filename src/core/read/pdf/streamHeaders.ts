import type { Run } from './pdfRuns.ts';
import { overlaps, pieceOf, stacks, type Line, type Piece, type Segment, type StreamCell } from './streamLines.ts';

/**
 * A column no row fills (only 自然人 and 总计 written, a blank in a one-row table) has no numbers to line up: its
 * header, standing in the value area over no value column, adds it.
 */
export function withHeaderColumns(cols: [number, number][], header: Line[], firstValue: number): [number, number][] {
  const colOf = (r: Run) => cols.findIndex(([a, b]) => overlaps(r.x, r.x + r.w, a, b));
  const extra: [number, number][] = [];
  for (const l of header)
    for (const seg of l.segs)
      for (const runs of splitByColumns(seg, colOf)) {
        const x0 = Math.min(...runs.map((r) => r.x));
        const x1 = Math.max(...runs.map((r) => r.x + r.w));
        if (x0 < firstValue - 2 || cols.some(([a, b]) => overlaps(x0, x1, a, b))) continue;
        const hit = extra.find(([a, b]) => overlaps(x0, x1, a, b));
        if (hit) [hit[0], hit[1]] = [Math.min(hit[0], x0), Math.max(hit[1], x1)];
        else extra.push([x0, x1]);
      }
  return extra.length === 0 ? cols : [...cols, ...extra].sort((a, b) => a[0] - b[0]);
}

/** A segment cut where a run starts after a visible gap over another column (narrow header cells side by side). */
function splitByColumns(seg: Segment, colOf: (r: Run) => number): Run[][] {
  const out: Run[][] = [];
  for (const [k, r] of seg.runs.entries()) {
    const prev = seg.runs[k - 1];
    if (prev && colOf(r) !== colOf(prev) && r.x - (prev.x + prev.w) > 0.3 * r.size) out.push([r]);
    else if (out.length === 0) out.push([r]);
    else out[out.length - 1]!.push(r);
  }
  return out;
}

/**
 * Header lines → rows: a header over several value columns (行政诉讼) is a row of its own with its span; the headers
 * over one column are stacked (科研机 + 构, 结果维 + 持) and set in levels from the bottom, so 商业企业 stands under
 * 法人或其他组织 and 自然人 in the last header row.
 */
export function headerRows(header: Line[], cols: [number, number][], firstValue: number, nLabel: number, lh: number,
  cellOf: (runs: Run[], row: number, col: number, colspan?: number) => StreamCell): StreamCell[][] {
  if (header.length === 0) return [];
  const rows: StreamCell[][] = [];
  const label: Piece[] = [];
  const single: Piece[][] = cols.map(() => []);
  const hits = (x0: number, x1: number) => cols.map(([a, b], k) => (overlaps(x0, x1, a, b) ? k : -1)).filter((k) => k >= 0);
  const colOf = (r: Run) => hits(r.x, r.x + r.w)[0] ?? -1;
  for (const l of header) {
    const groups: { runs: Run[]; first: number; span: number }[] = [];
    for (const seg of l.segs)
      for (const runs of splitByColumns(seg, colOf)) {
        const x0 = Math.min(...runs.map((r) => r.x));
        const x1 = Math.max(...runs.map((r) => r.x + r.w));
        const hit = hits(x0, x1);
        if (hit.length === 0 && x1 <= firstValue + 2) label.push(pieceOf(runs));
        else if (hit.length <= 1) {
          const k = hit[0] ?? Math.max(0, cols.findIndex(([a]) => a > x0) - 1);
          single[k]!.push(pieceOf(runs));
        } else groups.push({ runs, first: hit[0]!, span: hit[hit.length - 1]! - hit[0]! + 1 });
      }
    if (groups.length === 0) continue;
    const row: StreamCell[] = [{ ...cellOf([], rows.length, 0, nLabel), elide: true }];
    let next = 0;
    for (const g of groups.sort((p, q) => p.first - q.first)) {
      if (g.first < next) continue;
      for (let k = next; k < g.first; k++) row.push({ ...cellOf([], rows.length, nLabel + k), elide: true });
      row.push(cellOf(g.runs, rows.length, nLabel + g.first, g.span));
      next = g.first + g.span;
    }
    rows.push(row);
  }
  const columns = single.map((pieces) => stacks(pieces, lh));
  const levels = Math.max(1, ...columns.map((c) => c.length));
  for (let level = 0; level < levels; level++) {
    const labelCell = cellOf(level === levels - 1 ? stacks(label, lh * 2).flatMap((p) => p.runs) : [], rows.length, 0, nLabel);
    const row: StreamCell[] = [{ ...labelCell, elide: !labelCell.text }];
    columns.forEach((st, k) => {
      const piece = st[st.length - levels + level];
      row.push(piece ? cellOf(piece.runs, rows.length, nLabel + k) : { ...cellOf([], rows.length, nLabel + k), elide: level < levels - 1 });
    });
    rows.push(row);
  }
  return rows;
}
