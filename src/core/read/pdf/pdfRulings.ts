import type { PdfOperatorList } from './pdfPlatform.ts';

/** A horizontal (y fixed) or vertical (x fixed) line drawn on the page, in top-left page coordinates. */
export interface Ruling {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b) */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** pdf.js's path codes inside constructPath's data (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled rectangle thinner than this is a drawn line (Word and WPS draw cell borders as thin filled boxes). */
const THIN = 2.5;
/** Coordinates closer than this are one line (anti-aliasing offsets, double borders). */
const SNAP = 1.5;
/** Drawing past this many path operations is a picture (a map, a chart), not table borders. */
const MAX_SEGMENTS = 20000;

/**
 * The straight horizontal and vertical lines a page draws (stroked paths, and filled rectangles thin enough to be
 * lines), mapped by the current transformation and the page's view into top-left coordinates, with collinear
 * pieces merged. Curves and slanted lines are ignored: table borders are axis-aligned.
 */
export function pdfRulings(ops: PdfOperatorList, OPS: Readonly<Record<string, number>>, view: readonly number[]): Ruling[] {
  // page space (y up, origin at view's corner) → top-left coordinates
  const pageToTop: Matrix = [1, 0, 0, -1, -view[0]!, view[3]!];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const out: Ruling[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= 0.5) out.push({ dir: 'h', at: (ay + by) / 2, a: Math.min(ax, bx), b: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= 0.5) out.push({ dir: 'v', at: (ax + bx) / 2, a: Math.min(ay, by), b: Math.max(ay, by) });
  };
  const n = ops.fnArray.length;
  for (let i = 0; i < n && out.length < MAX_SEGMENTS; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = fn === OPS.paintFormXObjectBegin ? (args?.[0] as ArrayLike<number> | null) : null;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, Array.from(matrix) as Matrix);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.transform && args && args.length === 6) {
      ctm = multiply(ctm, args as Matrix);
    } else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<ArrayLike<number> | null> | undefined)?.[0];
      if (!data || paint === OPS.endPath) continue;
      const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
      const m = multiply(pageToTop, ctm);
      for (const poly of polygons(data)) {
        const pts = poly.map(([x, y]) => apply(m, x, y));
        if (stroked) for (let k = 1; k < pts.length; k++) add(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
        else if (filled) thinBox(pts, add);
      }
    }
  }
  return mergeRulings(out);
}

/** The straight-line subpaths of a path (a curve breaks the subpath; closePath returns to its start). */
function polygons(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      if (cur.length > 1) out.push(cur);
      cur = [[data[i++]!, data[i++]!]];
    } else if (op === LINE) {
      cur.push([data[i++]!, data[i++]!]);
    } else if (op === CURVE || op === QUAD) {
      i += op === CURVE ? 6 : 4;
      if (cur.length > 1) out.push(cur);
      cur = [];
    } else if (op === CLOSE) {
      if (cur.length > 1) {
        cur.push(cur[0]!);
        out.push(cur);
      }
      cur = [];
    } else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

/** A filled axis-aligned box (top-left coordinates) thin in one direction is a line along its long side. */
function thinBox(pts: [number, number][], add: (ax: number, ay: number, bx: number, by: number) => void): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = x1 - x0, h = y1 - y0;
  // only rectangles: every point on the box's edge
  if (!pts.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5))) return;
  if (h <= THIN && w > h) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (w <= THIN && h > w) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}

/** Collinear rulings that overlap or touch become one. */
export function mergeRulings(rulings: readonly Ruling[]): Ruling[] {
  const out: Ruling[] = [];
  for (const dir of ['h', 'v'] as const) {
    const list = rulings.filter((r) => r.dir === dir).sort((p, q) => p.at - q.at || p.a - q.a);
    const groups: Ruling[][] = [];
    for (const r of list) {
      const g = groups[groups.length - 1];
      if (g && r.at - g[0]!.at <= SNAP) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      const at = g.reduce((s, r) => s + r.at, 0) / g.length;
      const spans = g.map((r) => [r.a, r.b] as const).sort((p, q) => p[0] - q[0]);
      let [a, b] = spans[0]!;
      for (const [s, e] of spans.slice(1)) {
        if (s <= b + SNAP) b = Math.max(b, e);
        else {
          out.push({ dir, at, a, b });
          [a, b] = [s, e];
        }
      }
      out.push({ dir, at, a, b });
    }
  }
  return out;
}
