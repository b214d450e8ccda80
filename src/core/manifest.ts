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

/** One file of the partitioned layout (src/pipeline/writeLayout.ts, docs/scale.md). */
export interface LayoutFile {
  /** a contract table, or report_metrics */
  table: string;
  /** the partition (null: not partitioned, or no report year) */
  report_year: number | null;
  province_code: string | null;
  /** relative to the manifest */
  path: string;
  rows: number;
  bytes: number;
}

export interface Layout {
  version: 1;
  dir: string;
  partition_by: string[];
  /** what the first screen needs (the rest loads when a query, the reader or a chart names it) */
  first_screen: string[];
  files: LayoutFile[];
}

export interface Manifest {
  version: 1;
  built_at: string;
  dataset: DatasetInfo;
  /** the flat tables the browser reads today */
  tables: ManifestTable[];
  /** the same data partitioned for loading on demand and for other engines */
  layout?: Layout;
}
