export type ExportFormat = 'csv' | 'tsv' | 'json' | 'parquet' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json', 'parquet', 'tsv'];

export const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  tsv: 'text/tab-separated-values;charset=utf-8',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportOptions {
  format: ExportFormat;
  /** CSV/TSV: UTF-8 byte-order mark, so that Excel reads Chinese correctly */
  bom: boolean;
  /** CSV/TSV: apostrophe before text starting with = + - @ tab CR (see toCsv.ts) */
  guardFormulas: boolean;
  /** XLSX: the sheet's name */
  sheet: string;
  /** columns holding 64-bit or wider integers as exact text, with their DuckDB type */
  wide: { name: string; type: string }[];
}
