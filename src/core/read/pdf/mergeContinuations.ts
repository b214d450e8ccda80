import type { PdfBlock, PdfTableBlock } from './readPdf.ts';
import type { PdfCell, PdfTable } from './pdfTables.ts';
import { WIDE_CHAR } from './pdfRuns.ts';

/** Column boundaries within this of each other are the same table's. */
const SAME_COLUMN = 4;
/** A label that starts a row of its own (（四）…, 1.…, 一、…) is never the rest of a label cut by the page break. */
const STARTS_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;
const NUMBER = /^[-+]?[\d.,]+\s*(?:万元|元|件|项|个|%)?$/;

/**
 * A table cut by a page break: when the first block after a table is a table on the next page with the same
 * column boundaries, its rows continue the first. A label cell at the bottom of the first part and the cell below
 * it at the top of the next (`（四）无` | `法提供`) are one cell cut in two when the second does not start a label of
 * its own: their texts are joined and the cell spans both parts.
 */
export function mergeContinuations(flow: readonly PdfBlock[]): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const b of flow) {
    const prev = out[out.length - 1];
    if (b.kind === 'table' && prev?.kind === 'table' && continuesOnNextPage(prev, b)) {
      const last = prev.more.length > 0 ? prev.more[prev.more.length - 1]!.table : prev.table;
      joinCutCells(last, b.table);
      prev.more.push({ page: b.page, table: b.table }, ...b.more);
      continue;
    }
    out.push(b);
  }
  return out;
}

function continuesOnNextPage(prev: PdfTableBlock, next: PdfTableBlock): boolean {
  if (prev.stream || next.stream) return false;
  const lastPage = prev.more.length > 0 ? prev.more[prev.more.length - 1]!.page : prev.page;
  if (next.page !== lastPage + 1) return false;
  const a = (prev.more.length > 0 ? prev.more[prev.more.length - 1]!.table : prev.table).xs;
  const b = next.table.xs;
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= SAME_COLUMN);
}

function joinCutCells(above: PdfTable, below: PdfTable): void {
  const nAbove = above.ys.length - 1;
  const bottoms = above.cells.filter((c) => c.row + c.rowspan === nAbove && c.text && !NUMBER.test(c.text));
  for (const top of below.cells.filter((c) => c.row === 0 && !NUMBER.test(c.text) && !STARTS_LABEL.test(c.text))) {
    const cut = bottoms.find((c) => c.col === top.col && c.colspan === top.colspan);
    // a cut cell spans rows on both sides (a label beside several rows); a one-row cell ends at the page break
    if (!cut || (cut.rowspan < 2 && top.rowspan < 2)) continue;
    // the rest of a margin label is often empty: the label stood on the first page only
    if (!top.text && top.rowspan < 2) continue;
    absorb(cut, top);
  }
}

function absorb(cut: PdfCell, rest: PdfCell): void {
  const sep = !rest.text ? '' : WIDE_CHAR.test(cut.text[cut.text.length - 1]!) && WIDE_CHAR.test(rest.text[0]!) ? '' : ' ';
  const base = cut.text.length + sep.length;
  cut.text += sep + rest.text;
  cut.at.push(...rest.at.map(([a, b]) => [a + base, b + base] as [number, number]));
  cut.runs.push(...rest.runs);
  cut.rowspan += rest.rowspan;
  rest.rowspan = 0;
  rest.text = '';
}
