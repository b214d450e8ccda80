import { quoteIdent, tablesOf, valuesSql, type ReviewTables } from './reviewSql.ts';

const SECTIONS: [string, string, string][] = [
  ['overall', '一、总体情况', 'overview'], ['active_disclosure', '二、主动公开政府信息情况', 'proactive disclosure'],
  ['applications', '三、收到和处理政府信息公开申请情况', 'applications'], ['review_litigation', '四、政府信息公开行政复议、行政诉讼情况', 'review and litigation'],
  ['problems', '五、存在的主要问题及改进情况', 'problems and improvements'], ['other', '六、其他需要报告的事项', 'other matters'],
];

export interface CompletenessOptions {
  /** join section_profiles (built by the copy search) to call a section 五 of boilerplate only not specific */
  profiles?: string | null;
  /** a section 五 whose specific (not boilerplate) share of shingles is below this is boilerplate */
  minSpecificShare?: number;
}

/**
 * Completeness of each annual report on a modern form, as warning check rows:
 *  COMPLETE-SECTIONS — the six sections of the national format (lhs sections found, rhs 6);
 *  COMPLETE-TABLES — tables 二 (any 第二十条 table), 三 and 四 given as tables (lhs found, rhs 3);
 *  PROBLEMS-SPECIFIC — section 五 says something: not missing, not under 20 Han characters, not only 无/暂无, and
 *    (with section_profiles) not made of boilerplate only;
 *  OTHER-FEE and OTHER-WORK-POINTS (2021 form) — section 六 reports the 信息处理费 charged (or that none was) and
 *    how the 年度政务公开工作要点 were carried out, as the 2021 format asks.
 * Section text is read from texts by the sections' offsets.
 */
export function completenessSql(t: Partial<ReviewTables> = {}, o: CompletenessOptions = {}): string {
  const { reports, sections, cells, texts } = tablesOf(t);
  const minShare = o.minSpecificShare ?? 0.15;
  const prof = o.profiles ? `LEFT JOIN ${quoteIdent(o.profiles)} pf ON pf.report_id = r.report_id AND pf.section_key = 'problems'` : '';
  const share = o.profiles ? 'CASE WHEN pf.shingles > 0 THEN pf.specific / pf.shingles END' : 'NULL';
  return `
WITH r AS (
  SELECT report_id, format FROM ${quoteIdent(reports)} WHERE doc_kind = 'annual_report' AND format IN ('gov_2021', 'gov_2019')
), want AS (
  SELECT r.report_id, k.key, k.zh, k.en, k.ord FROM r CROSS JOIN ${valuesSql('k', ['key', 'zh', 'en', 'ord'], SECTIONS.map((s, i) => [...s, i + 1]))}
), missing AS (
  SELECT w.report_id, count(*) FILTER (WHERE s.report_id IS NULL) AS n_missing,
    string_agg(w.zh, '、' ORDER BY w.ord) FILTER (WHERE s.report_id IS NULL) AS zh, string_agg(w.en, ', ' ORDER BY w.ord) FILTER (WHERE s.report_id IS NULL) AS en
  FROM want w LEFT JOIN (SELECT DISTINCT report_id, key FROM ${quoteIdent(sections)}) s ON s.report_id = w.report_id AND s.key = w.key
  GROUP BY w.report_id
), tabs AS (
  SELECT r.report_id,
    bool_or(c.table_id LIKE 'active_art20_%') AS t2, bool_or(c.table_id = 'applications') AS t3, bool_or(c.table_id = 'review_litigation') AS t4
  FROM r LEFT JOIN (SELECT DISTINCT report_id, table_id FROM ${quoteIdent(cells)}) c ON c.report_id = r.report_id GROUP BY r.report_id
), body AS (
  SELECT s.report_id, s.key,
    regexp_replace(substr(x.text, s.start + 1, s."end" - s.start), '^[^\\n]*\\n?', '') AS body
  FROM ${quoteIdent(sections)} s JOIN ${quoteIdent(texts)} x USING (report_id) JOIN r USING (report_id)
  WHERE s.key IN ('problems', 'other')
), prob AS (
  SELECT r.report_id, b.body IS NOT NULL AS present,
    length(regexp_replace(coalesce(b.body, ''), '[^\\x{4e00}-\\x{9fff}]', '', 'g')) AS han,
    regexp_matches(regexp_replace(coalesce(b.body, ''), '[\\s。．.，,：:；;]', '', 'g'), '^(无|暂无|没有|无存在的主要问题|本年度无|无其他需要报告的事项)?$') AS nothing,
    ${share} AS specific_share
  FROM r LEFT JOIN body b ON b.report_id = r.report_id AND b.key = 'problems' ${prof}
), oth AS (
  SELECT r.report_id, r.format, b.body FROM r LEFT JOIN body b ON b.report_id = r.report_id AND b.key = 'other'
)
SELECT report_id, 'COMPLETE-SECTIONS' AS rule_id, 'warning' AS severity, CASE WHEN n_missing = 0 THEN 'pass' ELSE 'fail' END AS status,
  'sections' AS col_key, CAST(6 - n_missing AS DOUBLE) AS lhs, 6.0 AS rhs,
  CASE WHEN n_missing = 0 THEN '年度报告格式规定的六部分齐全' ELSE '缺少年度报告格式规定的部分：' || zh || '（或其标题无法识别）' END AS message_zh,
  CASE WHEN n_missing = 0 THEN 'All six parts of the national format are present' ELSE 'Missing parts of the national format: ' || en || ' (or their headings cannot be recognised)' END AS message_en
FROM missing
UNION ALL
SELECT report_id, 'COMPLETE-TABLES', 'warning', CASE WHEN t2 AND t3 AND t4 THEN 'pass' ELSE 'fail' END, 'tables',
  CAST(t2::INT + t3::INT + t4::INT AS DOUBLE), 3.0,
  CASE WHEN t2 AND t3 AND t4 THEN '主动公开、依申请公开、行政复议和行政诉讼三类统计表格齐全'
       ELSE '未以表格形式填报：' || concat_ws('、', CASE WHEN NOT t2 THEN '二、主动公开政府信息情况' END, CASE WHEN NOT t3 THEN '三、收到和处理政府信息公开申请情况' END, CASE WHEN NOT t4 THEN '四、政府信息公开行政复议、行政诉讼情况' END) || '（表格缺失、为图片或未能识别）' END,
  CASE WHEN t2 AND t3 AND t4 THEN 'The three statistical tables (proactive disclosure, applications, review and litigation) are present'
       ELSE 'Not given as tables: ' || concat_ws(', ', CASE WHEN NOT t2 THEN 'section 2 (proactive disclosure)' END, CASE WHEN NOT t3 THEN 'section 3 (applications)' END, CASE WHEN NOT t4 THEN 'section 4 (review and litigation)' END) || ' (missing, an image, or not recognised)' END
FROM tabs
UNION ALL
SELECT report_id, 'PROBLEMS-SPECIFIC', 'warning',
  CASE WHEN NOT present OR han < 20 OR nothing OR specific_share < ${minShare} THEN 'fail' ELSE 'pass' END, 'problems',
  CAST(han AS DOUBLE), specific_share,
  CASE WHEN NOT present THEN '缺少「五、存在的主要问题及改进情况」'
       WHEN nothing OR han < 20 THEN '「五、存在的主要问题及改进情况」为空或只写“无”，未说明具体问题和改进措施'
       WHEN specific_share < ${minShare} THEN '「五、存在的主要问题及改进情况」几乎全部是大量报告共用的套话（本报告特有内容约占 ' || CAST(round(100 * specific_share) AS BIGINT) || '%），未写出本机关的具体问题'
       ELSE '「五、存在的主要问题及改进情况」写明了具体内容（' || han || ' 字）' END,
  CASE WHEN NOT present THEN 'Section 5 (problems and improvements) is missing'
       WHEN nothing OR han < 20 THEN 'Section 5 (problems and improvements) is empty or says only “none”'
       WHEN specific_share < ${minShare} THEN 'Section 5 is almost entirely boilerplate shared by many reports (about ' || CAST(round(100 * specific_share) AS BIGINT) || '% is this report''s own)'
       ELSE 'Section 5 states specific problems and improvements (' || han || ' characters)' END
FROM prob
UNION ALL
SELECT report_id, 'OTHER-FEE', 'warning',
  CASE WHEN body IS NULL THEN 'skipped' WHEN regexp_matches(body, '信息处理费|收费|收取.{0,6}费') THEN 'pass' ELSE 'fail' END, 'other', NULL, NULL,
  CASE WHEN body IS NULL THEN '缺少「六、其他需要报告的事项」，信息处理费收取情况未检查'
       WHEN regexp_matches(body, '信息处理费|收费|收取.{0,6}费') THEN '「六、其他需要报告的事项」说明了信息处理费收取情况'
       ELSE '「六、其他需要报告的事项」未说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（2021 年格式要求报告，未收取也应写明）' END,
  CASE WHEN body IS NULL THEN 'Section 6 is missing; the information processing fee was not checked'
       WHEN regexp_matches(body, '信息处理费|收费|收取.{0,6}费') THEN 'Section 6 reports the information processing fees'
       ELSE 'Section 6 does not say whether information processing fees were charged (the 2021 format asks for it, even when none were)' END
FROM oth WHERE format = 'gov_2021'
UNION ALL
SELECT report_id, 'OTHER-WORK-POINTS', 'warning',
  CASE WHEN body IS NULL THEN 'skipped' WHEN regexp_matches(body, '工作要点|公开要点') THEN 'pass' ELSE 'fail' END, 'other', NULL, NULL,
  CASE WHEN body IS NULL THEN '缺少「六、其他需要报告的事项」，年度政务公开工作要点落实情况未检查'
       WHEN regexp_matches(body, '工作要点|公开要点') THEN '「六、其他需要报告的事项」说明了年度政务公开工作要点落实情况'
       ELSE '「六、其他需要报告的事项」未说明落实上级年度政务公开工作要点的情况（2021 年格式要求报告）' END,
  CASE WHEN body IS NULL THEN 'Section 6 is missing; the annual work points were not checked'
       WHEN regexp_matches(body, '工作要点|公开要点') THEN 'Section 6 reports how the annual open-government work points were carried out'
       ELSE 'Section 6 does not report how the annual open-government work points (年度政务公开工作要点) were carried out (the 2021 format asks for it)' END
FROM oth WHERE format = 'gov_2021'`;
}
