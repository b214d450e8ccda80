// The narrow doors state classes get to the database (mosaic's Connector habit): each class sees only the lane it
// uses, so tests hand it a plain object. Types only; no DuckDB import.
import type { Table } from 'apache-arrow';
import type { TableName } from '../core/schema.ts';
import type { GuardOptions } from '../sql/guard.ts';
import type { Statement } from '../sql/statements.ts';

export interface QueryResult {
  table: Table;
  ms: number;
  /** `table` holds only the first rows of the result (see `more` for the rest) */
  truncated: boolean;
  /** a user query's rows past `table`: being counted, and paged when the statement can be read again */
  more?: MoreRows | null;
}

/** What is known of a big result once it has been counted. */
export interface ResultSize {
  total: number;
  /** rows past the first ones can be fetched (fetchRows); false when the statement was not re-run */
  pageable: boolean;
}

/** The rest of a big user result. Superseded by the next query: then both reject with QueryCancelled. */
export interface MoreRows {
  /** settles once DuckDB has counted (and, when pageable, kept) every row */
  size: Promise<ResultSize>;
  /** rows [offset, offset + limit) of the result, in its order */
  fetchRows(offset: number, limit: number): Promise<Table>;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

/** A query prepared for download: the SQL to stream and the DuckDB types of its columns. */
export interface ExportPlan {
  sql: string;
  columns: ColumnInfo[];
}
export type SchemaInfo = Map<string, { kind: 'table' | 'view'; columns: ColumnInfo[] }>;

/** Something wrong with a relation of the data set, found by checkBase(). */
export interface BaseProblem {
  name: string;
  problem: 'missing' | 'kind' | 'rows' | 'columns' | 'changed';
  rows?: number;
  expected?: number;
}

/** A table as the build wrote it (manifest.json): what checkBase() compares with. */
export interface BaseExpectation {
  rows: number;
  columns: readonly string[];
}

/** The panels' own reads (overview, catalog, viewer, schema browser): internal, never cancelled by the user. */
export interface PanelReader {
  read(sql: string): Promise<Table>;
  ensureTable(name: TableName): Promise<void>;
}

/** The SQL panel's lane: the user's statements, cancellable, big results paged. */
export interface UserQueries {
  /** the script's statements, from DuckDB's own tokenizer */
  statements(sql: string): Promise<Statement[]>;
  /** runs the script; the newest call supersedes older ones and their pages (they reject with QueryCancelled) */
  query(sql: string, statements?: readonly Statement[]): Promise<QueryResult>;
  cancel(): Promise<void>;
  /** whether the database still answers within `timeoutMs` */
  ping(timeoutMs?: number): Promise<boolean>;
  /** declares the database unusable: the workbench recovers it (the one route into recovery) */
  fail(reason: string): void;
}

/** The chart builder's lane: a newer query supersedes an older one still running. */
export interface ChartQueries {
  query(sql: string): Promise<QueryResult>;
  read(sql: string): Promise<Table>;
}

/** Downloads: counted, described and streamed on a connection of their own. */
export interface ExportQueries {
  statements(sql: string): Promise<Statement[]>;
  countRows(sql: string): Promise<number>;
  exportPlan(sql: string): Promise<ExportPlan>;
  exportStream(sql: string, signal?: AbortSignal): AsyncGenerator<Uint8Array>;
  hasRelation(name: string): Promise<boolean>;
}

/** The loaded data set: what the guard protects, whether it is intact, and its restore. */
export interface BaseChecks {
  guardOptions(): Promise<GuardOptions>;
  checkBase(expected: ReadonlyMap<string, BaseExpectation>): Promise<BaseProblem[]>;
  restoreBase(): Promise<void>;
}
