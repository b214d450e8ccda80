// SQL of the report viewer: one report's row, text and numbers, and the query its "open in SQL" button writes.
import { literal } from './quote.ts';

/** SQL that shows one report's numbers with their Chinese labels (the viewer's "open in SQL" button). */
export function reportCellsSql(id: string): string {
  return `SELECT c.table_id, c.row_key, coalesce(lr.label_zh, c.row_label) AS row_label, c.col_key, lc.label_zh AS col_label,
  c.value, c.raw, c.unit, c.state, c.start, c."end"
FROM cells c
JOIN reports r USING (report_id)
LEFT JOIN labels lr ON lr.format = r.format AND lr.table_id = c.table_id AND lr.kind = 'row' AND lr.key = c.row_key
LEFT JOIN labels lc ON lc.format = r.format AND lc.table_id = c.table_id AND lc.kind = 'col' AND lc.key = c.col_key
WHERE c.report_id = ${literal(id)}
ORDER BY c.start;`;
}

/** The queries that fill the viewer for report `id` (its format picks the labels). */
export const reportSql = {
  report: (id: string) =>
    `SELECT * EXCLUDE (published_date), CAST(published_date AS VARCHAR) AS published_date FROM reports WHERE report_id = ${literal(id)}`,
  text: (id: string) => `SELECT text FROM texts WHERE report_id = ${literal(id)}`,
  sections: (id: string) => `SELECT * FROM sections WHERE report_id = ${literal(id)} ORDER BY start`,
  cells: (id: string) => `SELECT * FROM cells WHERE report_id = ${literal(id)} ORDER BY start`,
  checks: (id: string) => `SELECT * FROM checks WHERE report_id = ${literal(id)} ORDER BY status = 'fail' DESC, severity, rule_id, col_key`,
  facts: (id: string) => `SELECT * FROM facts WHERE report_id = ${literal(id)} ORDER BY start`,
  labels: (format: string) => `SELECT * FROM labels WHERE format = ${literal(format)} ORDER BY table_id, kind, ord`,
};

/** The schema browser's example: every report's numbers with the official tables' Chinese row and column labels. */
export const labelledCellsSql = `-- 一份报告的数值配上官方表格的中文行、列标签
SELECT c.report_id, c.table_id, lr.label_zh AS row_label, lc.label_zh AS col_label, c.value
FROM cells c
JOIN reports r USING (report_id)
LEFT JOIN labels lr ON lr.format = r.format AND lr.table_id = c.table_id AND lr.kind = 'row' AND lr.key = c.row_key
LEFT JOIN labels lc ON lc.format = r.format AND lc.table_id = c.table_id AND lc.kind = 'col' AND lc.key = c.col_key
ORDER BY c.report_id, c.start
LIMIT 500;`;
