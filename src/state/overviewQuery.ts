/** The start-up view's own query: a short description of the dataset, one row per (dimension, key). */
export const OVERVIEW_SQL = `
SELECT 'total' AS dim, 'reports' AS k, count(*) AS n FROM reports
UNION ALL SELECT 'total', 'organs', count(DISTINCT organ) FROM reports
UNION ALL SELECT 'total', 'years', count(DISTINCT report_year) FROM reports
UNION ALL SELECT 'total', 'cells', count(*) FROM cells
UNION ALL SELECT 'total', 'failed', count(DISTINCT report_id) FROM checks WHERE status = 'fail' AND severity = 'error'
UNION ALL SELECT 'total', 'passed', count(*) FROM (
  SELECT report_id FROM checks WHERE severity = 'error' GROUP BY report_id
  HAVING count(*) FILTER (WHERE status = 'pass') > 0 AND count(*) FILTER (WHERE status = 'fail') = 0)
UNION ALL SELECT 'format', format, count(*) FROM reports GROUP BY format
UNION ALL SELECT 'doc_kind', doc_kind, count(*) FROM reports GROUP BY doc_kind
UNION ALL SELECT 'year', coalesce(CAST(report_year AS VARCHAR), '?'), count(*) FROM reports GROUP BY report_year
UNION ALL SELECT 'province', province, count(*) FROM reports GROUP BY province
UNION ALL SELECT 'rule', rule_id, count(DISTINCT report_id) FROM checks WHERE status = 'fail' GROUP BY rule_id
ORDER BY dim, k`;

export interface OverviewData {
  totals: Record<string, number>;
  byFormat: [string, number][];
  byKind: [string, number][];
  byYear: [string, number][];
  /** null key: province not resolved */
  byProvince: [string | null, number][];
  /** failed rules by number of reports, most frequent first */
  topRules: [string, number][];
}

export function toOverview(rows: { dim: string; k: string | null; n: number }[]): OverviewData {
  const pick = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => [r.k ?? '?', Number(r.n)] as [string, number]);
  return {
    totals: Object.fromEntries(pick('total')),
    byFormat: pick('format').sort((a, b) => b[1] - a[1]),
    byKind: pick('doc_kind').sort((a, b) => b[1] - a[1]),
    byYear: pick('year'),
    byProvince: rows
      .filter((r) => r.dim === 'province')
      .map((r) => [r.k, Number(r.n)] as [string | null, number])
      .sort((a, b) => b[1] - a[1]),
    topRules: pick('rule').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8),
  };
}
