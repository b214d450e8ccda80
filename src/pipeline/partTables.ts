import { TABLES, tableDef, type ColumnType, type TableName } from '../core/schema.ts';

// A build part: the rows one worker (or one shard) collected, before duplicates are dropped and cross-report rules
// run. Every row carries `_ord`, the index of its file among the sorted inputs, so that the merge is deterministic
// (the first file of a set of identical ones wins) however the files were spread over workers, processes or machines.

export interface PartTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

export const ORD = '_ord';
const ord = { name: ORD, type: 'INTEGER' } as const;
const c = (name: string, type: ColumnType) => ({ name, type });

/** Contract tables whose rows come from one report each. */
export const REPORT_TABLES = ['reports', 'sections', 'cells', 'checks', 'facts', 'texts'] as const satisfies readonly TableName[];
export type ReportTable = (typeof REPORT_TABLES)[number];

const withOrd = (name: TableName, extra: PartTable['columns'] = []): PartTable => ({ name, columns: [...tableDef(name).columns, ord, ...extra] });

/** The same-organ key of X-YEAR-CARRY (organKey() needs the gazetteer, so it is computed where the report is parsed). */
export const ORGAN_KEY = '_organ_key';

export const FILE_COLUMNS = [
  ord, c('file', 'VARCHAR'), c('source_file', 'VARCHAR'), c('report_id', 'VARCHAR'), c('status', 'VARCHAR'), c('reason', 'VARCHAR'),
  c('format', 'VARCHAR'), c('doc_kind', 'VARCHAR'), c('report_year', 'INTEGER'), c('parse_status', 'VARCHAR'), c('cells', 'INTEGER'),
  c('checks_failed', 'INTEGER'), c('errors', 'INTEGER'), c('warnings', 'INTEGER'),
] as const;

export const PART_TABLES: Readonly<Record<ReportTable | 'files' | 'file_diagnostics', PartTable>> = {
  reports: withOrd('reports', [c(ORGAN_KEY, 'VARCHAR')]),
  sections: withOrd('sections'),
  cells: withOrd('cells'),
  checks: withOrd('checks'),
  facts: withOrd('facts'),
  texts: withOrd('texts'),
  /** one row per input file: its FileSummary without the diagnostics */
  files: { name: 'files', columns: FILE_COLUMNS },
  /** the file's diagnostics, `_i` keeping their order */
  file_diagnostics: { name: 'file_diagnostics', columns: [ord, c('_i', 'INTEGER'), ...tableDef('diagnostics').columns] },
};

export type PartTableName = keyof typeof PART_TABLES;
export const PART_TABLE_NAMES = Object.keys(PART_TABLES) as PartTableName[];

/** Contract columns of a part table, in contract order (what the outputs keep). */
export const contractColumns = (name: ReportTable | 'diagnostics'): string[] => tableDef(name).columns.map((col) => col.name);

export { TABLES };
