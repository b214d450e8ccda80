// SQL of the build diagnostics view (the `diagnostics` table).
import { literal } from './quote.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Which files to list: all, those with an error or warning, those with one severity; optionally one code. */
export interface DiagnosticsFilter {
  show: 'all' | 'problems' | Severity;
  code: string | null;
}

const RANK = `CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

export const DIAGNOSTIC_TOTALS_SQL = `
SELECT 'file' AS severity, '' AS code, count(DISTINCT source_file) AS files FROM diagnostics
UNION ALL SELECT 'problem', '', count(DISTINCT source_file) FROM diagnostics WHERE severity IN ('error', 'warning')
UNION ALL SELECT severity, code, count(DISTINCT source_file) FROM diagnostics GROUP BY severity, code`;

/**
 * Every diagnostic of the files the filter picks (a file with a warning is shown with its info lines too), worst
 * files first, each file's rows together; the report built from the file when there is one.
 */
export function diagnosticsSql(filter: DiagnosticsFilter, limit: number): string {
  const match: string[] = [];
  if (filter.show === 'problems') match.push(`severity IN ('error', 'warning')`);
  else if (filter.show !== 'all') match.push(`severity = ${literal(filter.show)}`);
  if (filter.code) match.push(`code = ${literal(filter.code)}`);
  return `
WITH d AS (SELECT source_file, report_id, severity, code, message, ${RANK} AS rank FROM diagnostics),
f AS (SELECT source_file, min(rank) AS worst FROM d GROUP BY source_file${match.length ? ` HAVING bool_or(${match.join(' AND ')})` : ''})
SELECT d.source_file, d.severity, d.code, d.message, r.report_id, r.title
FROM d JOIN f USING (source_file) LEFT JOIN reports r ON r.report_id = d.report_id
ORDER BY f.worst, d.source_file, d.rank, d.code, d.message
LIMIT ${limit}`;
}

