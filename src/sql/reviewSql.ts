// Small SQL pieces shared by the review-desk builders; quoting is src/sql/quote.ts's.
import { ident, literal } from './quote.ts';

export const quoteIdent = ident;
export const quoteLiteral = literal;

/** A VALUES list as a relation with named columns: `(VALUES ('a', 1), …) AS alias(c1, c2)`. */
export function valuesSql(alias: string, columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteLiteral(v));
  if (rows.length === 0) {
    return `(SELECT ${columns.map((c) => `NULL AS ${quoteIdent(c)}`).join(', ')} WHERE false) AS ${quoteIdent(alias)}`;
  }
  return `(VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(', ')}) AS ${quoteIdent(alias)}(${columns.map(quoteIdent).join(', ')})`;
}

/** A number as the checks' messages write it (JS: String(Math.round(n * 1e6) / 1e6)): 8, 0.5, 590.115865. */
export const fmtSql = (expr: string): string =>
  `(CASE WHEN ${expr} = round(${expr}) AND abs(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR) ELSE CAST(round(${expr}, 6) AS VARCHAR) END)`;

/** Table names the builders read and write; tests and the build may point them elsewhere (staging tables). */
export interface ReviewTables {
  reports: string;
  cells: string;
  sections: string;
  texts: string;
  checks: string;
  report_pairs: string;
}

export const DEFAULT_TABLES: ReviewTables = {
  reports: 'reports', cells: 'cells', sections: 'sections', texts: 'texts', checks: 'checks', report_pairs: 'report_pairs',
};

export const tablesOf = (t: Partial<ReviewTables> = {}): ReviewTables => ({ ...DEFAULT_TABLES, ...t });
