export interface CsvOptions {
  /** prepend U+FEFF so that Excel detects UTF-8 (Chinese text would otherwise open as mojibake) */
  bom?: boolean;
  /**
   * Prefix text that starts with = + - @ tab or CR with an apostrophe, so that a spreadsheet does not run
   * it as a formula (CSV injection): text cells and header names. Numeric columns, and text that is just a
   * number such as `-3` (a spreadsheet reads it as that number, never as a formula), stay as they are.
   */
  guardFormulas?: boolean;
  /** ',' for CSV, '\t' for TSV */
  delimiter?: ',' | '\t';
}

export interface CsvColumn {
  name: string;
  /** text columns get formula protection; numeric ones are written as they are */
  isText: boolean;
  get(row: number): unknown;
}

const FORMULA_START = /^[=+\-@\t\r]/;
// A number (-3, +1.5e3) or a lone sign (a blank cell written as "-") starts with + or - but computes nothing.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]$/;

/** `s` with the apostrophe a spreadsheet needs to take it as text, when it would otherwise run it as a formula. */
export function guardFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

const NEEDS_QUOTES = { ',': /[",\r\n]/, '\t': /[\t"\r\n]/ } as const;

export function csvField(value: string, delimiter: ',' | '\t' = ','): string {
  return NEEDS_QUOTES[delimiter].test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** The header line, with the BOM when asked for; lines end with CRLF. */
export function csvHeader(columns: readonly CsvColumn[], opts: CsvOptions = {}): string {
  const { bom = true, delimiter = ',', guardFormulas = true } = opts;
  const name = (c: CsvColumn) => csvField(guardFormulas ? guardFormula(c.name) : c.name, delimiter);
  return (bom ? '\uFEFF' : '') + columns.map(name).join(delimiter) + '\r\n';
}

/** Rows [from, to) as RFC 4180 lines, each ending with CRLF; used chunk by chunk for large downloads. */
export function csvRows(columns: readonly CsvColumn[], from: number, to: number, opts: CsvOptions = {}): string {
  const { guardFormulas = true, delimiter = ',' } = opts;
  const out = new Array<string>(Math.max(0, to - from));
  const fields = new Array<string>(columns.length);
  for (let r = from; r < to; r++) {
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const v = col.get(r);
      let s = csvValue(v);
      // by value as well as by column type: an ENUM (Arrow dictionary) column holds text too
      if (guardFormulas && (col.isText || typeof v === 'string')) s = guardFormula(s);
      fields[c] = csvField(s, delimiter);
    }
    out[r - from] = fields.join(delimiter) + '\r\n';
  }
  return out.join('');
}

/** RFC 4180 CSV (CRLF line ends, quotes doubled). */
export function toCsv(columns: readonly CsvColumn[], numRows: number, opts: CsvOptions = {}): string {
  return csvHeader(columns, opts) + csvRows(columns, 0, numRows, opts);
}
