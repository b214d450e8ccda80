// The question library: analyses that transparency researchers (e.g. the CASS 政府透明度指数 teams) and the
// 政务公开 offices reviewing lower-level reports run. Each is SQL over the contract tables and views, tested on
// the seeds against native DuckDB (tests/state/questions.test.ts). Names and descriptions live in i18n.
import type { ChartSpec } from '../chart/chartSpec.ts';
import type { MessageKey } from '../i18n/zh.ts';

/** The chart a question opens with, over the default the chart builder picks from the result's column types. */
export type ChartHint = Readonly<Partial<ChartSpec>>;

export interface Question {
  readonly id: string;
  readonly name: MessageKey;
  readonly description: MessageKey;
  readonly sql: string;
  readonly chart?: ChartHint;
}

const q = (id: string, sql: string, chart?: ChartHint): Question => ({
  id,
  name: `q_${id}` as MessageKey,
  description: `q_${id}_desc` as MessageKey,
  sql: sql.trim() + '\n',
  chart,
});

export const QUESTIONS: readonly Question[] = [
  q('grant_rate', `
-- 每份报告：收到多少申请，予以公开、部分公开、不予公开各占多少（占办理结果总计之比）
SELECT organ, report_year, applications_received, carried_over, results_total, granted,
  round(100 * granted_share, 1) AS granted_pct,
  round(100 * partial_share, 1) AS partial_pct,
  round(100 * refused_share, 1) AS refused_pct
FROM report_metrics
WHERE applications_received IS NOT NULL
ORDER BY applications_received DESC, organ;`, { mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', sort: 'value-desc', horizontal: true }),

  q('refusal_reasons', `
-- 不予公开（1–8）、无法提供（1–3）、不予处理（1–5）各项理由的件数合计（总计列）
SELECT a.row_key,
  coalesce(l.label_zh, a.row_label_zh) AS reason,
  CASE WHEN starts_with(a.row_key, 'denied_') THEN '不予公开'
       WHEN starts_with(a.row_key, 'unable_') THEN '无法提供'
       ELSE '不予处理' END AS outcome,
  sum(a.total) AS applications,
  count(DISTINCT a.report_id) FILTER (WHERE a.total > 0) AS reports_using_it
FROM applications_wide a
LEFT JOIN labels l ON l.format = 'gov_2021' AND l.table_id = 'applications' AND l.kind = 'row' AND l.key = a.row_key
WHERE starts_with(a.row_key, 'denied_') OR starts_with(a.row_key, 'unable_') OR starts_with(a.row_key, 'not_processed_')
GROUP BY ALL
ORDER BY outcome, min(a.ord);`, { mark: 'bar', x: 'reason', y: 'applications', color: 'outcome', aggregate: 'sum', sort: 'value-desc', horizontal: true }),

  q('unbalanced', `
-- 勾稽关系不平衡的报告：未通过的规则、两边的数和差额
SELECT r.organ, r.report_year, c.rule_id, c.col_key, c.lhs, c.rhs, c.lhs - c.rhs AS difference, c.message_zh
FROM checks c JOIN reports r USING (report_id)
WHERE c.status = 'fail'
ORDER BY abs(c.lhs - c.rhs) DESC NULLS LAST, r.organ, c.rule_id;`),

  q('check_summary', `
-- 每条勾稽规则：检查了多少份报告，多少未通过，多少因空白未检查
SELECT rule_id, severity,
  count(DISTINCT report_id) FILTER (WHERE status = 'pass') AS reports_passed,
  count(DISTINCT report_id) FILTER (WHERE status = 'fail') AS reports_failed,
  count(DISTINCT report_id) FILTER (WHERE status = 'skipped') AS reports_skipped
FROM checks
GROUP BY rule_id, severity
ORDER BY reports_failed DESC, rule_id;`, { mark: 'bar', x: 'rule_id', y: 'reports_failed', aggregate: 'sum', sort: 'value-desc', horizontal: true }),

  q('correction_rates', `
-- 行政复议、行政诉讼的纠正率：结果纠正 ÷ 已审结（总计 − 尚未审结）
SELECT r.organ, r.report_year,
  w.review_total, w.review_corrected,
  round(100 * w.review_corrected / nullif(w.review_total - w.review_pending, 0), 1) AS review_correction_pct,
  w.lit_direct_total + w.lit_after_review_total AS lawsuits,
  round(100 * (w.lit_direct_corrected + w.lit_after_review_corrected)
    / nullif(w.lit_direct_total - w.lit_direct_pending + w.lit_after_review_total - w.lit_after_review_pending, 0), 1) AS litigation_correction_pct
FROM review_litigation_wide w JOIN reports r USING (report_id)
WHERE w.review_total IS NOT NULL
ORDER BY w.review_total + coalesce(w.lit_direct_total, 0) DESC, r.organ;`),

  q('formats_by_year', `
-- 各年度的报告用的是哪一版格式（2021 版、2019 版、2019 年以前、无统计表）
SELECT report_year, format, count(*) AS reports
FROM reports
GROUP BY report_year, format
ORDER BY report_year, format;`, { mark: 'bar', x: 'report_year', y: 'reports', color: 'format', aggregate: 'sum', layout: 'stack', sort: 'x' }),

  q('licensing_penalties_by_region', `
-- 行政许可、行政处罚、行政强制的处理决定数量，按省、市汇总（地区未识别的归入“未知”）
SELECT coalesce(r.province, '未知') AS province, coalesce(r.city, '未知') AS city, r.report_year,
  sum(a.decisions) FILTER (WHERE a.row_key = 'licensing') AS licensing_decisions,
  sum(a.decisions) FILTER (WHERE a.row_key = 'punishment') AS penalty_decisions,
  sum(a.decisions) FILTER (WHERE a.row_key = 'coercion') AS coercion_decisions,
  count(DISTINCT a.report_id) AS reports
FROM active_disclosure_wide a JOIN reports r USING (report_id)
WHERE a.row_key IN ('licensing', 'punishment', 'coercion')
GROUP BY ALL
ORDER BY licensing_decisions DESC NULLS LAST;`, { mark: 'bar', x: 'city', y: 'licensing_decisions', aggregate: 'sum', sort: 'value-desc', horizontal: true }),

  q('facts_vs_tables', `
-- 正文中说的数与统计表中的数是否一致（TEXT-TABLE 检查：如正文“共收到申请 147 件”与表中本年新收加上年结转）
SELECT r.organ, r.report_year, c.col_key AS label, c.lhs AS in_text, c.rhs AS in_table,
  c.status = 'pass' AS agrees, c.message_zh AS explanation
FROM checks c JOIN reports r USING (report_id)
WHERE c.rule_id = 'TEXT-TABLE'
ORDER BY c.status = 'fail' DESC, c.status = 'skipped', r.organ, c.col_key;`),

  q('applicant_mix', `
-- 申请人构成：本年新收申请中自然人与各类法人或其他组织所占比例
SELECT r.organ, r.report_year, a.total AS received,
  round(100 * a.natural_person / nullif(a.total, 0), 1) AS natural_person_pct,
  round(100 * a.legal_commercial / nullif(a.total, 0), 1) AS commercial_pct,
  round(100 * (a.legal_research + a.legal_public_interest + a.legal_legal_service + a.legal_other) / nullif(a.total, 0), 1) AS other_org_pct
FROM applications_wide a JOIN reports r USING (report_id)
WHERE a.row_key = 'new_received'
ORDER BY received DESC NULLS LAST, r.organ;`),

  q('carry_over_continuity', `
-- 跨年衔接：本年“上年结转”是否等于同一机关上一年报告的“结转下年度继续办理”
WITH y AS (
  SELECT r.organ, r.report_year,
    max(a.total) FILTER (WHERE a.row_key = 'carried_over') AS carried_over,
    max(a.total) FILTER (WHERE a.row_key = 'carried_forward') AS carried_forward
  FROM applications_wide a JOIN reports r USING (report_id)
  GROUP BY r.organ, r.report_year
)
SELECT cur.organ, prev.report_year AS prev_year, prev.carried_forward AS prev_carried_forward,
  cur.report_year, cur.carried_over,
  cur.carried_over IS NOT DISTINCT FROM prev.carried_forward AS consistent
FROM y AS cur
LEFT JOIN y AS prev ON prev.organ = cur.organ AND prev.report_year = cur.report_year - 1
ORDER BY consistent NULLS FIRST, cur.organ, cur.report_year;`),

  q('parse_problems', `
-- 需要人工核对的报告：统计表缺失或解析不完整，附解析诊断
SELECT r.organ, r.report_year, r.format, r.doc_kind, r.parse_status,
  count(d.code) AS diagnostics, string_agg(DISTINCT d.code, ', ') AS codes, r.source_file
FROM reports r LEFT JOIN diagnostics d USING (report_id)
GROUP BY r.report_id, r.organ, r.report_year, r.format, r.doc_kind, r.parse_status, r.source_file
ORDER BY (r.parse_status = 'ok'), diagnostics DESC, r.organ;`),

  q('regulation_power', `
-- 规章制定权：县级、乡镇机关一般无权制定规章，却在“规章”行填了数（疑似填错行）
SELECT r.organ, r.organ_level, r.report_year, a.table_id, a.made, a.new_made, a.valid, a.total_published
FROM active_disclosure_wide a JOIN reports r USING (report_id)
WHERE a.row_key = 'regulations'
  AND r.organ_level IN ('county', 'township')
ORDER BY coalesce(a.made, a.new_made, 0) + coalesce(a.valid, a.total_published, 0) DESC, r.organ;`),

  q('fees', `
-- 行政事业性收费金额（2021 版单位为万元）与政府集中采购（2019 版）
SELECT r.organ, r.report_year, r.format, a.table_id, a.row_key, a.fee_amount, a.procurement_items, a.procurement_amount
FROM active_disclosure_wide a JOIN reports r USING (report_id)
WHERE a.table_id IN ('active_art20_8', 'active_art20_9')
ORDER BY r.report_year, r.organ, a.table_id;`),

  q('coverage', `
-- 覆盖情况：各地区各年度收录了多少份报告、多少份有统计表、多少份通过全部错误检查
SELECT coalesce(province, '未知') AS province, report_year,
  count(*) AS reports,
  count(*) FILTER (WHERE format IN ('gov_2021', 'gov_2019')) AS with_tables,
  count(*) FILTER (WHERE n_errors = 0 AND format IN ('gov_2021', 'gov_2019')) AS passing
FROM reports
GROUP BY ALL
ORDER BY province, report_year;`, { mark: 'bar', x: 'report_year', y: 'reports', color: 'province', aggregate: 'sum', layout: 'stack', sort: 'x' }),

  q('selection_metrics', `
-- 报告目录中所选报告的主要指标（在“报告目录”中筛选后运行）
SELECT m.organ, m.report_year, m.format, m.applications_received, round(100 * m.granted_share, 1) AS granted_pct,
  m.reviews, m.lawsuits, m.failed_checks
FROM report_metrics m JOIN selection USING (report_id)
ORDER BY m.report_year DESC, m.organ;`),
];
