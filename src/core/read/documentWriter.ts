import type { GridCell, TableGrid } from '../document/sourceDocument.ts';
import { normalizeText } from '../normalize/normalizeText.ts';

/** A cell as a source lays it out, before spans are resolved. */
export interface SourceCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** set by DocumentWriter.table: where the cell's text starts in the document text (-1 when not written) */
  at?: number;
  /** an empty slot the line leaves out (a label column empty in this row of a table without rules) */
  elide?: boolean;
}

/** Where a piece of written text landed in the document text. */
export interface Written {
  start: number;
  end: number;
}

/** Separator of the cells of a grid row on its line: the text path reads such lines as pipe rows. */
export const CELL_SEPARATOR = ' | ';
/** Closes each grid row's line. */
export const ROW_END = ' |';
/** Spans beyond this are markup errors (`colspan="9999"`); the HTML standard caps colspan at 1000, rowspan at 65534. */
const MAX_SPAN = 1000;
/** A grid this wide is no report table; it would cost width × height slots. */
const MAX_COLUMNS = 200;

/** One line of text: whitespace runs (line breaks included) become one space, ends trimmed. */
export const oneLine = (s: string): string => normalizeText(s).replace(/[\s\u00a0]+/g, ' ').trim();

/** A cell's text on one line, with a literal pipe made full-width so that it cannot split the row. */
const cellText = (s: string): string => oneLine(s).replaceAll('|', '｜');

/**
 * Writes a document's text line by line and its tables as grids, so that every offset points into the final
 * string: the readers (HTML, Word, PDF) give it paragraphs and tables in reading order. Each grid row is one line
 * of cells separated by ` | ` with empty cells kept (`规章 | 0 |  | 0`), so the text alone still reads as the table.
 */
export class DocumentWriter {
  #parts: string[] = [];
  #length = 0;
  #grids: TableGrid[] = [];

  get length(): number {
    return this.#length;
  }

  #append(s: string): void {
    this.#parts.push(s);
    this.#length += s.length;
  }

  /** A paragraph on a line of its own (normalised, whitespace collapsed); nothing for an empty one. */
  line(text: string): Written | null {
    const t = oneLine(text);
    if (!t) return null;
    return this.lineAsIs(t);
  }

  /** A line already normalised and without line breaks (the PDF reader builds its lines from positioned runs). */
  lineAsIs(t: string): Written {
    const start = this.#length;
    this.#append(t);
    this.#append('\n');
    return { start, end: start + t.length };
  }

  /**
   * A table: spans resolved into a rectangular grid (a slot covered by a rowspan/colspan repeats the cell that
   * spans it, marked covered; a row shorter than the table is padded with empty slots). Each source row is written
   * as one line of its own cells — as the source has them, empty ones kept, closed by a pipe — so `三、本年度办理结果 |
   * （一）予以公开 | 1288 | … |` reads as it would in a text copy. Rows without any text are dropped. Null for a table without text.
   */
  table(rows: readonly (readonly SourceCell[])[], page?: number): TableGrid | null {
    const slots = resolveSpans(rows);
    const filled = slots.filter((r) => r.some((c) => c && !c.covered && c.text));
    if (filled.length === 0) return null;
    const width = Math.max(...filled.map((r) => r.length));
    const start = this.#length;
    const lineEnds: number[] = [];
    for (const row of filled) {
      let first = true;
      for (const slot of row) {
        if (!slot || slot.covered || (slot.source?.elide && !slot.text)) continue;
        if (!first) this.#append(CELL_SEPARATOR);
        first = false;
        slot.cell = { text: slot.text, start: this.#length, end: this.#length + slot.text.length };
        if (slot.source) slot.source.at = this.#length;
        this.#append(slot.text);
      }
      lineEnds.push(this.#length);
      // a closing pipe, so that an empty last cell is still a cell (`… | 0 |  |`)
      this.#append(ROW_END);
      this.#append('\n');
    }
    const grid: GridCell[][] = filled.map((row, y) => {
      const out: GridCell[] = [];
      for (let x = 0; x < width; x++) {
        const slot = row[x];
        const own = slot?.covered ? slot.origin?.cell : slot?.cell;
        if (own) out.push(slot!.covered ? { ...own, covered: true } : own);
        else if (x >= row.length && out.length > 0 && out[out.length - 1]!.text)
          // a row shorter than the table: its last cell reaches to the edge, as a browser draws it (行政诉讼 over ten columns)
          out.push({ ...out[out.length - 1]!, covered: true });
        else out.push({ text: '', start: lineEnds[y]!, end: lineEnds[y]! });
      }
      return out;
    });
    const table: TableGrid = { rows: grid, start, end: this.#length - 1 };
    if (page !== undefined) table.page = page;
    this.#grids.push(table);
    return table;
  }

  /** A blank line (between a table and what follows, so a caption never glues to a row). */
  gap(): void {
    if (this.#length > 0 && !this.#parts[this.#parts.length - 1]!.endsWith('\n\n')) this.#append('\n');
  }

  text(): string {
    return this.#parts.join('').replace(/\n+$/, '');
  }

  grids(): TableGrid[] {
    return this.#grids;
  }
}

interface Slot {
  text: string;
  source?: SourceCell;
  covered: boolean;
  origin?: Slot;
  cell?: GridCell;
}

/** The HTML table model: each cell takes the first free slot of its row, and its spans reserve slots below and right. */
export function resolveSpans(rows: readonly (readonly SourceCell[])[]): (Slot | undefined)[][] {
  const out: (Slot | undefined)[][] = rows.map(() => []);
  for (let y = 0; y < rows.length; y++) {
    let x = 0;
    for (const cell of rows[y]!) {
      while (out[y]![x]) x++;
      if (x >= MAX_COLUMNS) break;
      const colspan = clampSpan(cell.colspan);
      // rowspan="0" means "to the end of the table section"
      const rowspan = cell.rowspan === 0 ? rows.length - y : clampSpan(cell.rowspan);
      const origin: Slot = { text: cellText(cell.text), covered: false, source: cell };
      for (let dy = 0; dy < rowspan && y + dy < rows.length; dy++)
        for (let dx = 0; dx < colspan && x + dx < MAX_COLUMNS; dx++)
          out[y + dy]![x + dx] = dy === 0 && dx === 0 ? origin : { text: origin.text, covered: true, origin };
      x += colspan;
    }
  }
  return out;
}

const clampSpan = (n: number | undefined): number => (n === undefined || !Number.isFinite(n) || n < 1 ? 1 : Math.min(Math.floor(n), MAX_SPAN));
