// SQL for paging through a result too big to keep in the page: which statement may be run again, how it is
// materialised once, and how one page is read back.
import { stripStatementEnd } from './exportSql.ts';

/** Connection-local (TEMP) table that holds the user's current big result; never listed in the schema browser. */
export const RESULT_TABLE = '__wb_result';

export interface Statement { text: string; start: number }

/**
 * Splits SQL text at top-level semicolons, skipping string literals, quoted identifiers, dollar-quoted strings
 * and comments. Empty statements (only whitespace or comments) are dropped.
 */
export function splitStatements(sql: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end);
    if (stripComments(text).trim()) out.push({ text, start });
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      // a doubled quote inside is an escaped one: the loop simply reopens at it
      i = close < 0 ? sql.length : close + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        i = close < 0 ? sql.length : close + tag.length;
      } else i++;
    } else if (c === ';') {
      push(i);
      start = ++i;
    } else i++;
  }
  push(sql.length);
  return out;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** Functions whose call changes the database (a sequence) or the session: a SELECT calling them is not re-run. */
const SIDE_EFFECTS = /\b(nextval|setval|setseed|currval)\s*\(/i;
/** First words of statements that only read. */
const READS = /^(select|with|from|values|table|\()/i;

/**
 * The statement of `sql` whose rows the user sees (the last one) when it may be run again without changing
 * anything: a single read-only query. Earlier statements of a script already ran and are not repeated.
 * Null when the last statement writes, calls a procedure or a side-effecting function, or is not a query.
 */
export function rereadableTail(sql: string): string | null {
  const last = splitStatements(sql).at(-1);
  if (!last) return null;
  const body = stripComments(last.text).trim();
  if (!READS.test(body) || SIDE_EFFECTS.test(body)) return null;
  // DuckDB has no writing CTEs, but a later DuckDB might; and a RETURNING clause means an INSERT/UPDATE/DELETE
  if (/\b(insert|update|delete|returning|copy|attach|checkpoint|pragma|call)\b/i.test(body.replace(/'[^']*'|"[^"]*"/g, "''"))) return null;
  return stripStatementEnd(last.text).trim();
}

/** Runs `query` once and keeps its rows, in order, in the result table. */
export const materializeSql = (query: string): string =>
  `CREATE OR REPLACE TEMP TABLE ${RESULT_TABLE} AS SELECT * FROM (\n${stripStatementEnd(query)}\n)`;

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
