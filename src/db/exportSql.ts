// SQL for downloads: what to read, and how to get 64-bit integers out of DuckDB-WASM without loss.

/** DuckDB types that castBigIntToDouble would turn into doubles (losing digits past 2^53). */
export const WIDE_INTEGER_TYPES: ReadonlySet<string> = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The query without trailing semicolons, so that it can be nested as a subquery. */
export function stripStatementEnd(sql: string): string {
  return sql.replace(/[\s;]+$/u, '');
}

export const tableSql = (table: string): string => `SELECT * FROM ${quoteIdent(table)}`;

/** Rows of `table` that belong to the reports of the catalog's current selection (a view named `selection`). */
export const selectionSql = (table: string): string =>
  `SELECT * FROM ${quoteIdent(table)} WHERE report_id IN (SELECT report_id FROM selection)`;

export const countSql = (sql: string): string => `SELECT count(*)::DOUBLE AS n FROM (\n${stripStatementEnd(sql)}\n)`;

/**
 * Wraps `sql` so that wide-integer columns come out as their decimal text: the engine opens DuckDB
 * with castBigIntToDouble (the UI wants numbers), which would round them. Writers turn the text back
 * into exact numbers. Returns `sql` unchanged when no column needs it.
 */
export function losslessSql(sql: string, columns: readonly { name: string; type: string }[]): string {
  const wide = columns.filter((c) => WIDE_INTEGER_TYPES.has(c.type));
  if (!wide.length) return sql;
  const replace = wide.map((c) => `CAST(${quoteIdent(c.name)} AS VARCHAR) AS ${quoteIdent(c.name)}`).join(', ');
  return `SELECT * REPLACE (${replace}) FROM (\n${stripStatementEnd(sql)}\n)`;
}
