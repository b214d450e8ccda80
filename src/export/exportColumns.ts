import { DataType, type Schema, type Vector } from 'apache-arrow';
import { cellValue } from '../components/cellFormat.ts';
import type { CsvColumn } from './toCsv.ts';

/**
 * How a writer treats a column. `wide`: a 64-bit (or wider) integer that arrives as its decimal
 * text (see src/sql/exportSql.ts losslessSql) and is written back as an exact number.
 */
export type ColumnKind = 'text' | 'number' | 'wide' | 'bool' | 'other';

export interface ExportColumn extends CsvColumn {
  kind: ColumnKind;
}

interface Columnar {
  readonly schema: Schema;
  getChildAt(i: number): Vector | null;
}

/** Accessors over one record batch (or table); values stay in the Arrow vectors. */
export function exportColumns(data: Columnar, wide: ReadonlySet<string>): ExportColumn[] {
  return data.schema.fields.map((f, i) => {
    const vec = data.getChildAt(i);
    const kind: ColumnKind = wide.has(f.name)
      ? 'wide'
      : DataType.isUtf8(f.type) || DataType.isLargeUtf8(f.type)
        ? 'text'
        : DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type)
          ? 'number'
          : DataType.isBool(f.type)
            ? 'bool'
            : 'other';
    return { name: f.name, kind, isText: kind === 'text', get: (r: number) => (vec ? cellValue(f.type, vec.get(r)) : null) };
  });
}
