// SQL for paging through a result too big to keep in the page: the statement that may run again is found by
// rereadable() (statements.ts); here it is materialised once, and one page is read back.
import { subquery } from './quote.ts';

/** Connection-local (TEMP) table that holds the user's current big result; never listed in the schema browser. */
export const RESULT_TABLE = '__wb_result';

/** Runs `query` once and keeps its rows, in order, in the result table. */
export const materializeSql = (query: string): string => `CREATE OR REPLACE TEMP TABLE ${RESULT_TABLE} AS SELECT * FROM ${subquery(query)}`;

export const dropResultSql = `DROP TABLE IF EXISTS temp.main.${RESULT_TABLE}`;

/**
 * One page of the materialised result. A fresh CTAS numbers its rows 0..n-1 in insertion order and DuckDB pushes a
 * rowid range into the scan, so a page at the end costs as much as one at the start. A result column named rowid
 * would shadow the pseudo-column: then LIMIT/OFFSET over the (insertion-ordered) scan is used instead.
 */
export function pageSql(offset: number, limit: number, columns: readonly string[]): string {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
    throw new RangeError(`bad page ${offset}+${limit}`);
  }
  if (columns.some((c) => c.toLowerCase() === 'rowid')) {
    return `SELECT * FROM temp.main.${RESULT_TABLE} LIMIT ${limit} OFFSET ${offset}`;
  }
  return `SELECT * FROM temp.main.${RESULT_TABLE} WHERE rowid >= ${offset} AND rowid < ${offset + limit} ORDER BY rowid`;
}

export const resultCountSql = `SELECT count(*)::DOUBLE AS n FROM temp.main.${RESULT_TABLE}`;
