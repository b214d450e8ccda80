import type { TableGrid } from '../document/sourceDocument.ts';
import { parseCellValue } from './parseCellValue.ts';
import type { Token } from './tokenize.ts';

/**
 * The tokens of a table the source drew as a table: per grid row, its label (the row's text cells, joined; slots
 * covered by a rowspan/colspan label are not repeated) and then one token per slot after it — a number, a mark, or an
 * empty cell as an empty token, so a row keeps its width and a blank never shifts the cells after it.
 */
export function gridTokens(grid: TableGrid): Token[] {
  const out: Token[] = [];
  for (const row of grid.rows) {
    const isValue = row.map((c) => {
      const p = c.text.trim() === '' ? null : parseCellValue(c.text);
      return p !== null && p.state !== 'blank';
    });
    let lastText = -1;
    row.forEach((c, k) => { if (!c.covered && c.text.trim() !== '' && !isValue[k]) lastText = k; });
    const labelCells = row.slice(0, lastText + 1).filter((c, k) => !c.covered && c.text.trim() !== '' && !isValue[k]);
    if (labelCells.length) {
      const first = labelCells[0]!;
      const last = labelCells[labelCells.length - 1]!;
      out.push({ text: labelCells.map((c) => c.text.trim()).join(' '), start: first.start, end: last.end, kind: 'text' });
    }
    for (let k = lastText + 1; k < row.length; k++) {
      const c = row[k]!;
      // a slot covered by the label's colspan (一、本年新收… over three label columns) is no cell of its own
      if (c.covered && labelCells.some((l) => l.start === c.start && l.end === c.end)) continue;
      const p = !c.covered && c.text.trim() !== '' ? parseCellValue(c.text.trim()) : null;
      if (p && p.state !== 'blank') {
        const lead = c.text.length - c.text.trimStart().length;
        const t = c.text.trim();
        out.push({ text: t, start: c.start + lead, end: c.start + lead + t.length, kind: 'value', parsed: p });
      } else {
        out.push({ text: '', start: c.start, end: c.start, kind: 'empty' });
      }
    }
  }
  return out;
}

/**
 * Tokens of a stretch of the text: grids that lie in it give their own tokens (gridTokens), the text around them
 * goes through the layout tokeniser.
 */
export function tokensOf(text: string, from: number, to: number, grids: readonly TableGrid[], tokenize: (text: string, from: number, to: number) => Token[]): Token[] {
  const inside = grids.filter((g) => g.start < to && g.end > from).sort((a, b) => a.start - b.start);
  if (inside.length === 0) return tokenize(text, from, to);
  const out: Token[] = [];
  let pos = from;
  for (const g of inside) {
    if (g.start > pos) out.push(...tokenize(text, pos, g.start));
    out.push(...gridTokens(g).filter((t) => t.start >= from && t.start <= to));
    pos = Math.max(pos, g.end);
  }
  if (pos < to) out.push(...tokenize(text, pos, to));
  return out;
}
