import { quoteIdent, tablesOf, type ReviewTables } from './reviewSql.ts';

/** Rules behind each part of the score (docs/quality-score.md). */
export const QUALITY_PARTS = {
  timeliness: ['TIMELY'],
  completeness: ['COMPLETE-SECTIONS', 'COMPLETE-TABLES', 'PROBLEMS-SPECIFIC', 'OTHER-FEE', 'OTHER-WORK-POINTS'],
  consistency: ['X-YEAR-CARRY', 'X-YEAR-STOCK'],
} as const;

const list = (ids: readonly string[]): string => ids.map((i) => `'${i}'`).join(', ');

/**
 * `report_quality`, one row per annual report, every part in [0, 1] or NULL when it could not be judged:
 *  timeliness   — 1 if TIMELY passed, 0 if it failed (days_late beside it);
 *  completeness — mean over the completeness rules that ran: COMPLETE-SECTIONS and COMPLETE-TABLES give the share
 *                 found (lhs / rhs), the others 1 (pass) or 0 (fail);
 *  arithmetic   — passed / (passed + failed) error-level checks of the report (skipped ones do not count);
 *  consistency  — the same over X-YEAR-CARRY and X-YEAR-STOCK;
 *  originality  — 1 − the specific text of its narrative sections found in one other report, weighted by each
 *                 section's specific shingles (section_profiles.copied_share);
 *  score        — 100 × the plain mean of the parts that are not NULL, parts_scored of them; NULL with none.
 * No other weights. `profiles` may be null when the copy search did not run (originality is then NULL).
 */
export function qualitySql(t: Partial<ReviewTables> = {}, profiles: string | null = 'section_profiles'): string {
  const { reports, checks } = tablesOf(t);
  const orig = profiles
    ? `LEFT JOIN (SELECT report_id, CASE WHEN sum(specific) > 0 THEN 1 - sum(copied_share * specific) / sum(specific) END AS originality
        FROM ${quoteIdent(profiles)} GROUP BY report_id) o USING (report_id)`
    : 'LEFT JOIN (SELECT NULL::VARCHAR AS report_id, NULL::DOUBLE AS originality WHERE false) o USING (report_id)';
  return `CREATE OR REPLACE TABLE report_quality AS
WITH c AS (SELECT * FROM ${quoteIdent(checks)} WHERE status IN ('pass', 'fail')),
t AS (SELECT report_id, max(CASE WHEN status = 'pass' THEN 1.0 ELSE 0.0 END)::DOUBLE AS timeliness, max(CASE WHEN status = 'fail' THEN lhs END) AS days_late
      FROM c WHERE rule_id IN (${list(QUALITY_PARTS.timeliness)}) GROUP BY report_id),
k AS (SELECT report_id, avg(CASE WHEN rule_id IN ('COMPLETE-SECTIONS', 'COMPLETE-TABLES') AND rhs > 0 THEN lhs / rhs WHEN status = 'pass' THEN 1.0 ELSE 0.0 END)::DOUBLE AS completeness
      FROM c WHERE rule_id IN (${list(QUALITY_PARTS.completeness)}) GROUP BY report_id),
a AS (SELECT report_id, avg(CASE WHEN status = 'pass' THEN 1.0 ELSE 0.0 END)::DOUBLE AS arithmetic FROM c WHERE severity = 'error' GROUP BY report_id),
x AS (SELECT report_id, avg(CASE WHEN status = 'pass' THEN 1.0 ELSE 0.0 END)::DOUBLE AS consistency FROM c WHERE rule_id IN (${list(QUALITY_PARTS.consistency)}) GROUP BY report_id),
j AS (
  SELECT r.report_id, t.timeliness, t.days_late, k.completeness, a.arithmetic, x.consistency, o.originality
  FROM ${quoteIdent(reports)} r LEFT JOIN t USING (report_id) LEFT JOIN k USING (report_id) LEFT JOIN a USING (report_id) LEFT JOIN x USING (report_id)
  ${orig}
  WHERE r.doc_kind = 'annual_report'
)
SELECT report_id, timeliness, CAST(days_late AS INTEGER) AS days_late, completeness, arithmetic, consistency, originality,
  CAST((timeliness IS NOT NULL)::INT + (completeness IS NOT NULL)::INT + (arithmetic IS NOT NULL)::INT + (consistency IS NOT NULL)::INT + (originality IS NOT NULL)::INT AS INTEGER) AS parts_scored,
  CAST(100 * (coalesce(timeliness, 0) + coalesce(completeness, 0) + coalesce(arithmetic, 0) + coalesce(consistency, 0) + coalesce(originality, 0))
    / nullif((timeliness IS NOT NULL)::INT + (completeness IS NOT NULL)::INT + (arithmetic IS NOT NULL)::INT + (consistency IS NOT NULL)::INT + (originality IS NOT NULL)::INT, 0) AS DOUBLE) AS score
FROM j ORDER BY report_id`;
}
