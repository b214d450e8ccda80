import { organClassSql } from './organClassSql.ts';
import { quoteIdent, tablesOf, type ReviewTables } from './reviewSql.ts';

/**
 * TIMELY (warning): the publication date against the legal deadline, per annual report. Reports on 2019 onward fall
 * under the 2019 条例 (第四十九条): departments by 1月31日, the 本级政府 report by 3月31日 of the next year; reports
 * on 2018 and before under the 2007 条例 (第三十一条): every organ by 3月31日. col_key is the organ class, lhs the days
 * after the deadline (negative: early). No date, no year, an organ whose deadline cannot be told, or a date before
 * the year reported on ended (a misread date): skipped.
 */
export function timelinessSql(t: Partial<ReviewTables> = {}): string {
  const { reports } = tablesOf(t);
  return `
WITH r AS (
  SELECT report_id, organ, report_year, published_date, ${organClassSql('x')} AS class
  FROM ${quoteIdent(reports)} x WHERE doc_kind = 'annual_report'
), d AS (
  SELECT *,
    CASE WHEN report_year IS NULL THEN NULL
         WHEN report_year <= 2018 AND class <> 'unknown' THEN make_date(report_year + 1, 3, 31)
         WHEN class = 'government' THEN make_date(report_year + 1, 3, 31)
         WHEN class = 'department' THEN make_date(report_year + 1, 1, 31) END AS deadline,
    CASE WHEN report_year <= 2018 THEN '《政府信息公开条例》（2007）第三十一条' ELSE '《政府信息公开条例》（2019）第四十九条' END AS basis
  FROM r
), s AS (
  SELECT *, CAST(datediff('day', deadline, published_date) AS DOUBLE) AS late,
    CASE WHEN published_date IS NULL OR deadline IS NULL THEN 'skipped'
         WHEN published_date < make_date(report_year, 12, 31) THEN 'skipped'
         WHEN published_date <= deadline THEN 'pass' ELSE 'fail' END AS status
  FROM d
)
SELECT report_id, 'TIMELY' AS rule_id, 'warning' AS severity, status, class AS col_key,
  CASE WHEN status = 'skipped' THEN NULL ELSE late END AS lhs, CASE WHEN deadline IS NULL THEN NULL ELSE 0.0 END AS rhs,
  CASE
    WHEN report_year IS NULL THEN '公开时限检查：未识别报告年度，未检查'
    WHEN deadline IS NULL AND class = 'township' THEN '公开时限检查：乡镇、街道的年度报告公布期限条例未作规定，未检查'
    WHEN deadline IS NULL THEN '公开时限检查：无法判断「' || coalesce(organ, '未识别机关') || '」是本级政府还是政府部门（公布期限分别为 3 月 31 日和 1 月 31 日），未检查'
    WHEN published_date IS NULL THEN '公开时限检查：未识别发布日期，未检查（应于 ' || strftime(deadline, '%Y年%-m月%-d日') || '前公布）'
    WHEN published_date < make_date(report_year, 12, 31) THEN '公开时限检查：识别到的发布日期 ' || strftime(published_date, '%Y年%-m月%-d日') || ' 早于报告年度结束，可能识别有误，未检查'
    WHEN status = 'pass' THEN '于 ' || strftime(published_date, '%Y年%-m月%-d日') || ' 公布，未超过' || basis || '规定的 ' || strftime(deadline, '%Y年%-m月%-d日') || ' 期限'
    ELSE '于 ' || strftime(published_date, '%Y年%-m月%-d日') || ' 公布，超过' || basis || '规定的 ' || strftime(deadline, '%Y年%-m月%-d日') || ' 期限 ' || CAST(late AS BIGINT) || ' 天（' || CASE class WHEN 'government' THEN '本级政府年度报告' ELSE '政府部门年度报告' END || '）'
  END AS message_zh,
  CASE
    WHEN report_year IS NULL THEN 'Timeliness: the year reported on is unknown; not checked'
    WHEN deadline IS NULL AND class = 'township' THEN 'Timeliness: the regulation sets no date for townships and sub-districts; not checked'
    WHEN deadline IS NULL THEN 'Timeliness: cannot tell whether ' || coalesce(organ, 'the organ') || ' is a government (due 31 March) or a department (due 31 January); not checked'
    WHEN published_date IS NULL THEN 'Timeliness: no publication date found; not checked (due by ' || strftime(deadline, '%Y-%m-%d') || ')'
    WHEN published_date < make_date(report_year, 12, 31) THEN 'Timeliness: the date found (' || strftime(published_date, '%Y-%m-%d') || ') is before the year reported on ended, probably misread; not checked'
    WHEN status = 'pass' THEN 'Published ' || strftime(published_date, '%Y-%m-%d') || ', within the deadline of ' || strftime(deadline, '%Y-%m-%d') || CASE WHEN report_year <= 2018 THEN ' (2007 regulation, art. 31)' ELSE ' (2019 regulation, art. 49)' END
    ELSE 'Published ' || strftime(published_date, '%Y-%m-%d') || ', ' || CAST(late AS BIGINT) || ' days after the deadline of ' || strftime(deadline, '%Y-%m-%d') || CASE WHEN report_year <= 2018 THEN ' (2007 regulation, art. 31)' ELSE ' (2019 regulation, art. 49; ' || CASE class WHEN 'government' THEN 'a government''s report' ELSE 'a department''s report' END || ')' END
  END AS message_en
FROM s`;
}
