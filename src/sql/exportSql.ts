// SQL for downloads: what to read, and how to get 64-bit integers out of DuckDB-WASM without loss.
import { ident, stripStatementEnd, subquery } from './quote.ts';

/** DuckDB types that castBigIntToDouble would turn into doubles (losing digits past 2^53). */
export const WIDE_INTEGER_TYPES: ReadonlySet<string> = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

export const tableSql = (table: string): string => `SELECT * FROM ${ident(table)}`;

/** Rows of `table` that belong to the reports of the catalog's current selection (a table named `selection`). */
export const selectionSql = (table: string): string => `SELECT * FROM ${ident(table)} WHERE report_id IN (SELECT report_id FROM selection)`;

export const countSql = (sql: string): string => `SELECT count(*)::DOUBLE AS n FROM ${subquery(sql)}`;

/** At most `limit` rows of `sql` (a download's size estimate, XLSX's row limit). */
export const limitSql = (sql: string, limit: number): string => `SELECT * FROM ${subquery(sql)} LIMIT ${limit}`;

/** The result's column names and types, without running it (a statement DESCRIBE cannot take fails). */
export const describeSql = (sql: string): string => `DESCRIBE ${stripStatementEnd(sql)}`;

/**
 * Wraps `sql` so that wide-integer columns come out as their decimal text: the engine opens DuckDB
 * with castBigIntToDouble (the UI wants numbers), which would round them. Writers turn the text back
 * into exact numbers. Returns `sql` unchanged when no column needs it.
 */
export function losslessSql(sql: string, columns: readonly { name: string; type: string }[]): string {
  const wide = columns.filter((c) => WIDE_INTEGER_TYPES.has(c.type));
  if (!wide.length) return sql;
  const replace = wide.map((c) => `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}`).join(', ');
  return `SELECT * REPLACE (${replace}) FROM ${subquery(sql)}`;
}
