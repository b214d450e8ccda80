// The shape of public/data/manifest.json: written by the build, read by the browser before DuckDB is ready.
import type { ColumnType, TableName } from './schema.ts';

export interface DatasetInfo {
  description_zh: string;
  description_en: string;
  n_reports: number;
  n_files: number;
  n_skipped: number;
  formats: Record<string, number>;
  doc_kinds: Record<string, number>;
  /** report year → reports; "unknown" when the year could not be resolved */
  years: Record<string, number>;
  /** cells the parser left uncertain, by cells.flag (row_ambiguous, split_ambiguous, row_by_order) */
  flagged_cells?: Record<string, number>;
  /** tables kept with some of their rows missing (diagnostic table_partial) */
  partial_tables?: number;
}

export interface ManifestTable {
  name: TableName;
  file: string;
  rows: number;
  bytes: number;
  eager: boolean;
  columns: { name: string; type: ColumnType }[];
}

export interface Manifest {
  version: 1;
  built_at: string;
  dataset: DatasetInfo;
  tables: ManifestTable[];
}
