import { organClassSql } from './organClassSql.ts';
import { fmtSql, quoteIdent, tablesOf, valuesSql, type ReviewTables } from './reviewSql.ts';

/** Totals compared between a government's report and the sum of its organs' or subordinate governments'. */
export const ROLLUP_METRICS: [string, string, string, string, string][] = [
  ['applications', 'new_received', 'total', '本年新收政府信息公开申请数量', 'applications received'],
  ['applications', 'carried_over', 'total', '上年结转政府信息公开申请数量', 'applications carried over'],
  ['applications', 'granted', 'total', '予以公开', 'granted'],
  ['applications', 'results_total', 'total', '办理结果总计', 'outcomes (total)'],
  ['applications', 'carried_forward', 'total', '结转下年度继续办理', 'carried forward'],
  ['review_litigation', 'counts', 'review_total', '行政复议总计', 'administrative reviews'],
  ['review_litigation', 'counts', 'lit_direct_total', '未经复议直接起诉总计', 'lawsuits filed directly'],
  ['review_litigation', 'counts', 'lit_after_review_total', '复议后起诉总计', 'lawsuits after review'],
];

/**
 * 层级汇总: for each government report, its children of the same year — `departments` (the organs of the same region
 * and level, and for a county its townships) and `subregions` (the governments one level down: a province's cities,
 * a city's counties) — and per metric the parent's total beside the children's sum. Coverage is rarely complete,
 * so only a sum *above* the parent's contradicts it ('fail'); below it is 'skipped' (children missing, or the parent
 * counts only its own organ); equal is 'pass'. Creates `rollups`; rollupChecksSql turns it into ROLLUP check rows.
 */
export function rollupsSql(t: Partial<ReviewTables> = {}): string {
  const { reports, cells } = tablesOf(t);
  const metric = valuesSql('m', ['table_id', 'row_key', 'col_key', 'zh', 'en'], ROLLUP_METRICS);
  return `CREATE OR REPLACE TABLE rollups AS
WITH r AS (
  SELECT report_id, organ, organ_level, region_code, report_year, ${organClassSql('x')} AS class
  FROM ${quoteIdent(reports)} x WHERE doc_kind = 'annual_report' AND report_year IS NOT NULL AND region_code IS NOT NULL
), parent AS (SELECT * FROM r WHERE class = 'government' AND organ_level IN ('province', 'city', 'county')),
child AS (
  SELECT p.report_id AS parent_id, c.report_id, 'departments' AS child_group, c.class
  FROM parent p JOIN r c ON c.report_year = p.report_year AND c.region_code = p.region_code AND c.report_id <> p.report_id
   AND ((c.class = 'department' AND c.organ_level = p.organ_level) OR (p.organ_level = 'county' AND c.class = 'township'))
  UNION ALL
  SELECT p.report_id, c.report_id, 'subregions', c.class
  FROM parent p JOIN r c ON c.report_year = p.report_year AND c.class = 'government' AND c.report_id <> p.report_id
   AND ((p.organ_level = 'province' AND c.organ_level = 'city' AND substr(c.region_code, 1, 2) = substr(p.region_code, 1, 2) AND substr(c.region_code, 5, 2) = '00')
     OR (p.organ_level = 'city' AND c.organ_level = 'county' AND substr(c.region_code, 1, 4) = substr(p.region_code, 1, 4) AND substr(c.region_code, 5, 2) <> '00'))
), v AS (
  SELECT report_id, table_id, row_key, col_key, value FROM ${quoteIdent(cells)}
), agg AS (
  SELECT ch.parent_id, ch.child_group, m.table_id, m.row_key, m.col_key, m.zh, m.en,
    count(DISTINCT ch.report_id) AS n_children, count(DISTINCT ch.report_id) FILTER (WHERE ch.class = 'township') AS n_townships,
    count(v.value) AS n_reported, sum(v.value) AS children_sum
  FROM child ch CROSS JOIN ${metric}
  LEFT JOIN v ON v.report_id = ch.report_id AND v.table_id = m.table_id AND v.row_key = m.row_key AND v.col_key = m.col_key
  GROUP BY ALL
)
SELECT a.parent_id AS report_id, p.organ, CAST(p.report_year AS INTEGER) AS year, a.child_group, a.table_id || '.' || a.row_key || '.' || a.col_key AS metric,
  a.zh AS metric_zh, a.en AS metric_en, pv.value AS parent_value, CASE WHEN a.n_reported > 0 THEN a.children_sum END AS children_sum,
  CAST(a.n_children AS INTEGER) AS n_children, CAST(a.n_reported AS INTEGER) AS n_reported, CAST(a.n_townships AS INTEGER) AS n_townships,
  CASE WHEN pv.value IS NULL OR a.n_reported = 0 THEN 'skipped' WHEN abs(a.children_sum - pv.value) < 1e-9 THEN 'pass'
       WHEN a.children_sum > pv.value THEN 'fail' ELSE 'skipped' END AS status
FROM agg a JOIN parent p ON p.report_id = a.parent_id
LEFT JOIN v pv ON pv.report_id = a.parent_id AND pv.table_id = a.table_id AND pv.row_key = a.row_key AND pv.col_key = a.col_key
ORDER BY report_id, child_group, metric`;
}

/** ROLLUP (warning) check rows from `rollups`, one per parent, group and metric. */
export function rollupChecksSql(): string {
  const group = (zh: boolean) => zh
    ? `CASE child_group WHEN 'departments' THEN '所属部门' || CASE WHEN n_townships > 0 THEN '和乡镇（街道）' ELSE '' END ELSE '下级政府' END`
    : `CASE child_group WHEN 'departments' THEN 'its departments' || CASE WHEN n_townships > 0 THEN ' and townships' ELSE '' END ELSE 'the governments below it' END`;
  return `
SELECT report_id, 'ROLLUP' AS rule_id, 'warning' AS severity, status, child_group || ':' || metric AS col_key, parent_value AS lhs, children_sum AS rhs,
  CASE WHEN parent_value IS NULL THEN '层级汇总「' || metric_zh || '」：本级报告该项空白或缺失，未检查'
       WHEN children_sum IS NULL THEN '层级汇总「' || metric_zh || '」：已加载' || ${group(true)} || '报告 ' || n_children || ' 份，均未填报该项，未检查'
       WHEN status = 'pass' THEN '层级汇总「' || metric_zh || '」：本级 ' || ${fmtSql('parent_value')} || ' 件，等于已加载的 ' || n_reported || ' 份' || ${group(true)} || '报告之和'
       WHEN status = 'fail' THEN '层级汇总「' || metric_zh || '」：已加载的 ' || n_reported || ' 份' || ${group(true)} || '报告合计 ' || ${fmtSql('children_sum')} || ' 件，大于本级报告的 ' || ${fmtSql('parent_value')} || ' 件（相差 ' || ${fmtSql('children_sum - parent_value')} || ' 件）；若本级报告为全域汇总，至少一方有误，请核实'
       ELSE '层级汇总「' || metric_zh || '」：已加载的 ' || n_reported || ' 份' || ${group(true)} || '报告合计 ' || ${fmtSql('children_sum')} || ' 件，小于本级报告的 ' || ${fmtSql('parent_value')} || ' 件；下级报告可能未全部加载，无法判断' END AS message_zh,
  CASE WHEN parent_value IS NULL THEN 'Roll-up of ' || metric_en || ': blank or missing in this report; not checked'
       WHEN children_sum IS NULL THEN 'Roll-up of ' || metric_en || ': none of the ' || n_children || ' reports of ' || ${group(false)} || ' gives it; not checked'
       WHEN status = 'pass' THEN 'Roll-up of ' || metric_en || ': ' || ${fmtSql('parent_value')} || ' equals the sum of the ' || n_reported || ' reports of ' || ${group(false)} || ' loaded'
       WHEN status = 'fail' THEN 'Roll-up of ' || metric_en || ': the ' || n_reported || ' reports of ' || ${group(false)} || ' loaded add up to ' || ${fmtSql('children_sum')} || ', more than this report''s ' || ${fmtSql('parent_value')} || '; if this report covers the whole region, one of them is wrong'
       ELSE 'Roll-up of ' || metric_en || ': the ' || n_reported || ' reports of ' || ${group(false)} || ' loaded add up to ' || ${fmtSql('children_sum')} || ', less than this report''s ' || ${fmtSql('parent_value')} || '; some may not be loaded, so this cannot be judged' END AS message_en
FROM rollups`;
}
