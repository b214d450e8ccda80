// Column widths of the results grid: measured from the header and the first rows, and widened (never narrowed) to
// longer values met while scrolling, so that paging through a big result does not make the columns jump.

/** padding of a cell, and the narrowest and widest a column gets */
export const CELL_PAD = 18;
const MIN = 48;
const MAX = 360;

/** A cell's text, or null while its row is not loaded. */
export type CellText = (row: number, col: number) => string | null;
export type Measure = (s: string, bold: boolean) => number;

const fit = (px: number, min = MIN): number => Math.ceil(Math.min(Math.max(px + CELL_PAD, min), MAX));

/** Widths from the column names and rows [0, rows). */
export function initialWidths(names: readonly string[], rows: number, cell: CellText, measure: Measure): number[] {
  return names.map((name, c) => {
    let w = measure(name, true);
    for (let r = 0; r < rows; r++) {
      const text = cell(r, c);
      if (text !== null) w = Math.max(w, measure(text, false));
    }
    return fit(w);
  });
}

/** `widths` widened to the cells of rows [from, to); null when none is wider (nothing to redraw). */
export function widened(widths: readonly number[], from: number, to: number, cell: CellText, measure: Measure): number[] | null {
  const next = [...widths];
  let wider = false;
  for (let r = from; r < to; r++) {
    for (let c = 0; c < next.length; c++) {
      const text = cell(r, c);
      if (text === null) continue;
      const w = fit(measure(text, false), 0);
      if (w > next[c]!) {
        next[c] = w;
        wider = true;
      }
    }
  }
  return wider ? next : null;
}
