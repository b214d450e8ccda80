import type { CellFlag, CellRow, Diagnostic, Format } from '../schema.ts';
import type { ModernFormat, TemplateTable } from '../template/template.ts';
import type { TableGrid } from '../document/sourceDocument.ts';
import type { Slots } from './alignRow.ts';
import { parseCellValue } from './parseCellValue.ts';
import type { Token } from './tokenize.ts';

/** What every table extractor reads and writes: the text, the report's id and format, the grids, the output. */
export interface TableContext {
  text: string;
  reportId: string;
  format: ModernFormat;
  grids: readonly TableGrid[];
  cells: CellRow[];
  diagnostics: Diagnostic[];
}

/** The input of extractTables: a document's text, its sections, its format, its grids (if any) and the report id. */
export interface TablesInput {
  text: string;
  sections: readonly { key: string; start: number; end: number }[];
  format: Format;
  grids: readonly TableGrid[];
  reportId: string;
}

const BLANK = { value: null, unit: null, state: 'blank' as const };

/** One cell from the token a row reading put in its column (null: no trace in the text, a blank at `fallbackPos`). */
export function cellOf(
  ctx: TableContext, table: TemplateTable, rowKey: string, colKey: string, rowLabel: string | null, tok: Token | null, fallbackPos: number, flag: CellFlag | null,
): CellRow {
  // one literal, one shape: these are made by the million
  if (!tok) {
    return { report_id: ctx.reportId, table_id: table.id, row_key: rowKey, col_key: colKey, row_label: rowLabel, value: null, raw: '', unit: null, state: 'blank', start: fallbackPos, end: fallbackPos, flag };
  }
  const p = tok.parsed ?? parseCellValue(tok.text) ?? BLANK;
  return { report_id: ctx.reportId, table_id: table.id, row_key: rowKey, col_key: colKey, row_label: rowLabel, value: p.value, raw: tok.text, unit: p.unit, state: p.state, start: tok.start, end: tok.end, flag };
}

/**
 * A row's cells in column order. A flagged column keeps no value; it points at the text its candidates came from
 * (`flagSpan`), so the reader can mark where the undecided numbers stand.
 */
export function emitRow(
  ctx: TableContext, table: TemplateTable, rowKey: string, label: Token | null, slots: Slots, flags: readonly (CellFlag | null)[] = [], flagSpan?: { start: number; end: number },
): void {
  let pos = label ? label.end : (slots.find((s) => s)?.start ?? flagSpan?.start ?? 0);
  const rowLabel = label ? label.text : null;
  table.columns.forEach((c, k) => {
    const tok = slots[k] ?? null;
    const flag = flags[k] ?? null;
    if (!tok && flag && flagSpan) {
      const cell = cellOf(ctx, table, rowKey, c.key, rowLabel, null, flagSpan.start, flag);
      cell.end = flagSpan.end;
      cell.raw = ctx.text.slice(flagSpan.start, flagSpan.end);
      ctx.cells.push(cell);
      return;
    }
    ctx.cells.push(cellOf(ctx, table, rowKey, c.key, rowLabel, tok, pos, flag));
    if (tok) pos = tok.end;
  });
}

/** The span of a row's value tokens (what a flagged cell points at). */
export const spanOf = (values: readonly Token[]): { start: number; end: number } | undefined =>
  values.length ? { start: values[0]!.start, end: values[values.length - 1]!.end } : undefined;
