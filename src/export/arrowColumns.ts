import { DataType, type Table } from 'apache-arrow';
import type { CsvColumn } from './toCsv.ts';
import { cellValue } from '../components/cellFormat.ts';

/** Adapts an Arrow table to the column accessors the writers use; values stay in the vectors. */
export function arrowColumns(table: Table): CsvColumn[] {
  return table.schema.fields.map((f, i) => {
    const vec = table.getChildAt(i)!;
    return { name: f.name, isText: DataType.isUtf8(f.type) || DataType.isLargeUtf8(f.type), get: (r: number) => cellValue(f.type, vec.get(r)) };
  });
}
