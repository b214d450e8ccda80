export interface CsvOptions {
  /** prepend U+FEFF so that Excel detects UTF-8 (Chinese text would otherwise open as mojibake) */
  bom?: boolean;
  /**
   * Prefix text cells that start with = + - @ tab or CR with an apostrophe, so that a spreadsheet
   * does not run them as formulas (CSV injection). Only text columns are touched; numbers stay numbers.
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
  const { bom = true, delimiter = ',' } = opts;
  return (bom ? '\uFEFF' : '') + columns.map((c) => csvField(c.name, delimiter)).join(delimiter) + '\r\n';
}

/** Rows [from, to) as RFC 4180 lines, each ending with CRLF; used chunk by chunk for large downloads. */
export function csvRows(columns: readonly CsvColumn[], from: number, to: number, opts: CsvOptions = {}): string {
  const { guardFormulas = true, delimiter = ',' } = opts;
  const out = new Array<string>(Math.max(0, to - from));
  const fields = new Array<string>(columns.length);
  for (let r = from; r < to; r++) {
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      let s = csvValue(col.get(r));
      if (guardFormulas && col.isText && FORMULA_START.test(s)) s = `'${s}`;
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
