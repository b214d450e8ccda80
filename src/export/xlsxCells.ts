import type { ExportColumn } from './exportColumns.ts';

/** Excel's own limits: rows per sheet (one is the header), characters per cell, sheet-name length. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_CELL_CHARS = 32_767;

export type XlsxCell = { type: StringConstructor; value: string } | { type: NumberConstructor; value: number } | { type: BooleanConstructor; value: boolean } | null;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty. Chinese is fine. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31);
  return clean || 'Sheet1';
}

/**
 * Typed cells for write-excel-file. Strings are written as text, never as formulas, so a leading
 * `=` needs no guard here. Text past Excel's cell limit is cut (Excel refuses such files) and counted.
 */
export function xlsxRows(columns: readonly ExportColumn[], from: number, to: number, clipped: { n: number }): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  for (let r = from; r < to; r++) {
    const row = new Array<XlsxCell>(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = xlsxCell(columns[c]!.get(r), columns[c]!.kind, clipped);
    rows.push(row);
  }
  return rows;
}

export function xlsxCell(v: unknown, kind: ExportColumn['kind'], clipped: { n: number } = { n: 0 }): XlsxCell {
  if (v === null || v === undefined) return null;
  if (kind === 'wide' && typeof v === 'string') {
    // Excel keeps 15 significant digits: integers beyond 2^53 stay exact only as text.
    const n = Number(v);
    return Number.isSafeInteger(n) ? { type: Number, value: n } : { type: String, value: v };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { type: Number, value: v } : { type: String, value: String(v) };
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? { type: Number, value: n } : { type: String, value: v.toString() };
  }
  if (typeof v === 'boolean') return { type: Boolean, value: v };
  let s = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  if (s.length > XLSX_MAX_CELL_CHARS) {
    s = s.slice(0, XLSX_MAX_CELL_CHARS);
    clipped.n++;
  }
  return { type: String, value: s };
}
