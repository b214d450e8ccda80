import { quote } from './catalogQuery.ts';

/** SQL that shows one report's numbers with their Chinese labels (the viewer's "open in SQL" button). */
export function reportCellsSql(id: string): string {
  return `SELECT c.table_id, c.row_key, coalesce(lr.label_zh, c.row_label) AS row_label, c.col_key, lc.label_zh AS col_label,
  c.value, c.raw, c.unit, c.state, c.start, c."end"
FROM cells c
JOIN reports r USING (report_id)
LEFT JOIN labels lr ON lr.format = r.format AND lr.table_id = c.table_id AND lr.kind = 'row' AND lr.key = c.row_key
LEFT JOIN labels lc ON lc.format = r.format AND lc.table_id = c.table_id AND lc.kind = 'col' AND lc.key = c.col_key
WHERE c.report_id = ${quote(id)}
ORDER BY c.start;`;
}
