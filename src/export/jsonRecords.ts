import type { ExportColumn } from './exportColumns.ts';

const stringify = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * One JSON value. Wide integers are written as their exact digits (JSON numbers have no precision
 * limit; readers such as DuckDB's read_json take them as BIGINT). NaN and ±Infinity have no JSON
 * number, so they become the strings "NaN", "Infinity", "-Infinity".
 */
export function jsonValue(v: unknown, kind: ExportColumn['kind']): string {
  if (v === null || v === undefined) return 'null';
  if (kind === 'wide' && typeof v === 'string' && /^-?\d+$/.test(v)) return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  return stringify(v);
}

/** Rows [from, to) as JSON object texts (the caller joins them into an array). */
export function jsonRecords(columns: readonly ExportColumn[], from: number, to: number): string[] {
  const keys = columns.map((c) => JSON.stringify(c.name) + ':');
  const out = new Array<string>(Math.max(0, to - from));
  const fields = new Array<string>(columns.length);
  for (let r = from; r < to; r++) {
    for (let c = 0; c < columns.length; c++) fields[c] = keys[c]! + jsonValue(columns[c]!.get(r), columns[c]!.kind);
    out[r - from] = `{${fields.join(',')}}`;
  }
  return out;
}
