// X-YEAR-CARRY in SQL over the collected rows (the rule and its wording are src/core/checks/crossYearChecks.ts;
// tests/pipeline/crossYearSql.test.ts proves both give the same rows). Pure: returns SQL text.

const COLS: readonly (readonly [string, string])[] = [
  ['natural_person', '自然人'], ['legal_commercial', '商业企业'], ['legal_research', '科研机构'], ['legal_public_interest', '社会公益组织'],
  ['legal_legal_service', '法律服务机构'], ['legal_other', '其他'], ['total', '总计'],
];
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** String(Math.round(x * 1e6) / 1e6) of crossYearChecks.ts: whole numbers in digits below 1e21 (as JS prints them). */
const fmt = (x: string) =>
  `(CASE WHEN round(${x}, 6) = trunc(round(${x}, 6)) AND abs(${x}) < 1e21 THEN CAST(CAST(round(${x}, 6) AS HUGEINT) AS VARCHAR) ELSE CAST(round(${x}, 6) AS VARCHAR) END)`;

/**
 * A SELECT of the X-YEAR-CARRY rows (the checks columns plus `_ord` of the later report). `reports` must have
 * report_id, _ord, _organ_key, organ, report_year, doc_kind; `cells` the cells columns plus _ord. The previous
 * year's report is the one of lowest _ord (the first file), as in the JS rule; of several cells with the same keys
 * the first in the text counts.
 */
export function crossYearChecksSql(reports: string, cells: string): string {
  const cols = COLS.map(([k, zh], i) => `(${lit(k)}, ${lit(zh)}, ${i})`).join(', ');
  const y1 = 'CAST(cur.report_year - 1 AS VARCHAR)';
  const y = 'CAST(cur.report_year AS VARCHAR)';
  return `
WITH yr AS (
  SELECT report_id, _ord, _organ_key AS k, organ, report_year FROM ${reports}
  WHERE _organ_key IS NOT NULL AND report_year IS NOT NULL AND doc_kind = 'annual_report'
),
prev AS (SELECT k, report_year, count(*) AS n, min(_ord) AS first_ord FROM yr GROUP BY k, report_year),
carry AS (
  SELECT _ord, row_key, col_key, first(value ORDER BY start) AS value FROM ${cells}
  WHERE table_id = 'applications' AND row_key IN ('carried_over', 'carried_forward') AND _ord IN (SELECT _ord FROM yr)
  GROUP BY _ord, row_key, col_key
),
pairs AS (
  SELECT cur.report_id, cur._ord, cur.organ, cur.report_year, p.n, c.col, c.zh, c.i, l.value AS lhs, r.value AS rhs
  FROM yr cur
  JOIN prev p ON p.k = cur.k AND p.report_year = cur.report_year - 1
  CROSS JOIN (VALUES ${cols}) AS c(col, zh, i)
  LEFT JOIN carry l ON l._ord = cur._ord AND l.row_key = 'carried_over' AND l.col_key = c.col
  LEFT JOIN carry r ON r._ord = p.first_ord AND r.row_key = 'carried_forward' AND r.col_key = c.col
),
judged AS (
  SELECT *, CASE WHEN lhs IS NULL OR rhs IS NULL THEN 'skipped' WHEN abs(lhs - rhs) < 1e-9 THEN 'pass' ELSE 'fail' END AS status FROM pairs cur
)
SELECT report_id, 'X-YEAR-CARRY' AS rule_id, 'warning' AS severity, status, col AS col_key, lhs, rhs,
  CASE status
    WHEN 'skipped' THEN '跨年度结转检查「' || zh || '」列：本年「上年结转」或 ' || ${y1} || ' 年度「结转下年度继续办理」空白或缺失，未检查'
    WHEN 'pass' THEN organ || ' ' || ${y} || ' 年度报告「' || zh || '」列「上年结转」' || ${fmt('lhs')} || ' 件，与 ' || ${y1} || ' 年度报告「结转下年度继续办理」' || ${fmt('rhs')} || ' 件一致'
    ELSE organ || ' ' || ${y} || ' 年度报告「' || zh || '」列「上年结转政府信息公开申请数量」为 ' || ${fmt('lhs')} || ' 件，与 ' || ${y1} || ' 年度报告「结转下年度继续办理」' || ${fmt('rhs')} || ' 件不一致，请核实'
  END AS message_zh,
  CASE status
    WHEN 'skipped' THEN 'Carry-over across years, column ' || col || ': this year''s carried-over or ' || ${y1} || '''s carried-forward is blank or missing; not checked'
    WHEN 'pass' THEN organ || ' ' || ${y} || ', column ' || col || ': carried over ' || ${fmt('lhs')} || ' equals ' || ${y1} || '''s carried forward (' || ${fmt('rhs')} || ')'
    ELSE organ || ' ' || ${y} || ', column ' || col || ': applications carried over from last year (' || ${fmt('lhs')} || ') do not equal those carried forward in the ' || ${y1} || ' report (' || ${fmt('rhs')} || ')'
  END AS message_en,
  _ord
FROM judged cur
UNION ALL
SELECT cur.report_id, 'X-YEAR-CARRY', 'warning', 'skipped', NULL, NULL, NULL,
  cur.organ || ' 有 ' || CAST(p.n AS VARCHAR) || ' 份 ' || ${y1} || ' 年度报告，只与第一份比对',
  cur.organ || ' has ' || CAST(p.n AS VARCHAR) || ' reports for ' || ${y1} || '; compared with the first only',
  cur._ord
FROM yr cur JOIN prev p ON p.k = cur.k AND p.report_year = cur.report_year - 1
WHERE p.n > 1`;
}
