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
