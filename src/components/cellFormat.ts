import { DataType, type Field } from 'apache-arrow';

/** Plain JS value of an Arrow cell: dates as ISO strings, bigints kept. */
export function cellValue(type: DataType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (DataType.isDate(type)) {
    const d = v instanceof Date ? v : new Date(Number(v));
    return d.toISOString().slice(0, 10);
  }
  if (DataType.isTimestamp(type)) {
    const d = v instanceof Date ? v : new Date(Number(v));
    return d.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  }
  if (typeof v === 'object' && v !== null && 'toJSON' in v && typeof (v as { toJSON: unknown }).toJSON === 'function') {
    return (v as { toJSON(): unknown }).toJSON();
  }
  return v;
}

export const isNumericType = (t: DataType): boolean => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);

export interface ColumnFormat {
  name: string;
  numeric: boolean;
  format(v: unknown): string;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/** Derived once per result schema, as in quak: one formatter per column. */
export function columnFormats(fields: readonly Field[]): ColumnFormat[] {
  return fields.map((f) => {
    const numeric = isNumericType(f.type);
    const float = DataType.isFloat(f.type) || DataType.isDecimal(f.type);
    return {
      name: f.name,
      numeric,
      format(raw: unknown): string {
        const v = cellValue(f.type, raw);
        if (v === null) return '';
        if (typeof v === 'number' && float && !Number.isInteger(v)) return String(Math.round(v * 1e6) / 1e6);
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
        return json(v);
      },
    };
  });
}

/** Approximate display width in "ch": CJK characters are about twice as wide as Latin ones. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
