export interface CsvOptions {
  /** prepend U+FEFF so that Excel detects UTF-8 (Chinese text would otherwise open as mojibake) */
  bom?: boolean;
  /**
   * Prefix text cells that start with = + - @ tab or CR with an apostrophe, so that a spreadsheet
   * does not run them as formulas (CSV injection). Only text columns are touched; numbers stay numbers.
   */
  guardFormulas?: boolean;
}

export interface CsvColumn {
  name: string;
  /** text columns get formula protection; numeric ones are written as they are */
  isText: boolean;
  get(row: number): unknown;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** RFC 4180 CSV (CRLF line ends, quotes doubled). */
export function toCsv(columns: readonly CsvColumn[], numRows: number, opts: CsvOptions = {}): string {
  const { bom = true, guardFormulas = true } = opts;
  const out: string[] = [columns.map((c) => csvField(c.name)).join(',')];
  for (let r = 0; r < numRows; r++) {
    const fields = new Array<string>(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      let s = csvValue(col.get(r));
      if (guardFormulas && col.isText && FORMULA_START.test(s)) s = `'${s}`;
      fields[c] = csvField(s);
    }
    out.push(fields.join(','));
  }
  return (bom ? '\uFEFF' : '') + out.join('\r\n') + '\r\n';
}
