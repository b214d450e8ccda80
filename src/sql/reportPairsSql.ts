import { organKeysSql } from './organKeysSql.ts';
import { quoteIdent, tablesOf, type ReviewTables } from './reviewSql.ts';

/**
 * `report_pairs`: each annual report with the report of the same organ for the year before (see organKeysSql):
 * same region, same level, and the name equal as written (exact), as spelled otherwise (alias) or across a
 * 机构改革 rename (renamed) — the first kind that matches. Several predecessors of the best kind (a duplicate
 * report, a merger) keep the smallest id and count them in n_candidates. Run once every report is in.
 */
export function reportPairsSql(t: Partial<ReviewTables> = {}): string {
  const tt = tablesOf(t);
  return `CREATE OR REPLACE TABLE ${quoteIdent(tt.report_pairs)} AS
WITH k AS (${organKeysSql(tt)}),
cand AS (
  SELECT c.report_id, p.report_id AS prev_report_id, c.organ_key, c.year, p.year AS prev_year, c.organ, p.organ AS prev_organ,
         CASE WHEN c.name_exact = p.name_exact THEN 'exact' WHEN c.name_alias = p.name_alias THEN 'alias' ELSE 'renamed' END AS match_kind
  FROM k c JOIN k p ON p.year = c.year - 1 AND p.region_key = c.region_key AND p.organ_level = c.organ_level AND p.name_renamed = c.name_renamed
), ranked AS (
  SELECT *, CASE match_kind WHEN 'exact' THEN 1 WHEN 'alias' THEN 2 ELSE 3 END AS rank FROM cand
), best AS (
  SELECT * FROM ranked QUALIFY rank = min(rank) OVER (PARTITION BY report_id)
)
SELECT report_id, prev_report_id, organ_key, CAST(year AS INTEGER) AS year, CAST(prev_year AS INTEGER) AS prev_year, match_kind,
       CAST(n_candidates AS INTEGER) AS n_candidates, organ, prev_organ
FROM (SELECT *, count(*) OVER (PARTITION BY report_id) AS n_candidates FROM best)
QUALIFY row_number() OVER (PARTITION BY report_id ORDER BY prev_report_id) = 1
ORDER BY report_id`;
}
