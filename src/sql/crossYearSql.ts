import { fmtSql, quoteIdent, tablesOf, valuesSql, type ReviewTables } from './reviewSql.ts';

/** The columns of `checks`, in order; every builder of check rows selects exactly these. */
export const CHECK_COLUMNS = ['report_id', 'rule_id', 'severity', 'status', 'col_key', 'lhs', 'rhs', 'message_zh', 'message_en'] as const;

const APPLICANT_COLS: [string, string][] = [
  ['natural_person', '自然人'], ['legal_commercial', '商业企业'], ['legal_research', '科研机构'], ['legal_public_interest', '社会公益组织'],
  ['legal_legal_service', '法律服务机构'], ['legal_other', '其他'], ['total', '总计'],
];

/** A note for pairs matched by another spelling or across a rename, so the reviewer sees which reports were compared. */
const matchNote = (zh: boolean): string => zh
  ? `CASE p.match_kind WHEN 'alias' THEN '（上年报告署名「' || p.prev_organ || '」，视为同一机关）' WHEN 'renamed' THEN '（上年报告署名「' || p.prev_organ || '」，机构改革后更名，视为同一机关）' ELSE '' END`
  : `CASE p.match_kind WHEN 'alias' THEN ' (last year signed as ' || p.prev_organ || ', taken as the same organ)' WHEN 'renamed' THEN ' (last year signed as ' || p.prev_organ || ', renamed in the 机构改革; taken as the same organ)' ELSE '' END`;

/**
 * X-YEAR-CARRY as check rows: this year's 上年结转 equals last year's 结转下年度继续办理 for the same organ, per
 * applicant column, over report_pairs. A blank or missing cell on either side is skipped; several reports of the
 * previous year add one skipped row saying the first was used. Rows belong to the later report. Supersedes the JS
 * crossYearChecks (same rows and messages).
 */
export function xYearCarrySql(t: Partial<ReviewTables> = {}): string {
  const { cells, report_pairs } = tablesOf(t);
  const l = 'c.value';
  const r = 'v.value';
  const where = `'「' || k.col_zh || '」列'`;
  return `
SELECT p.report_id, 'X-YEAR-CARRY' AS rule_id, 'warning' AS severity,
  CASE WHEN ${l} IS NULL OR ${r} IS NULL THEN 'skipped' WHEN abs(${l} - ${r}) < 1e-9 THEN 'pass' ELSE 'fail' END AS status,
  k.col_key, ${l} AS lhs, ${r} AS rhs,
  CASE WHEN ${l} IS NULL OR ${r} IS NULL
    THEN '跨年度结转检查' || ${where} || '：本年「上年结转」或 ' || p.prev_year || ' 年度「结转下年度继续办理」空白或缺失，未检查'
    WHEN abs(${l} - ${r}) < 1e-9
    THEN p.organ || ' ' || p.year || ' 年度报告' || ${where} || '「上年结转」' || ${fmtSql(l)} || ' 件，与 ' || p.prev_year || ' 年度报告「结转下年度继续办理」' || ${fmtSql(r)} || ' 件一致'
    ELSE p.organ || ' ' || p.year || ' 年度报告' || ${where} || '「上年结转政府信息公开申请数量」为 ' || ${fmtSql(l)} || ' 件，与 ' || p.prev_year || ' 年度报告「结转下年度继续办理」' || ${fmtSql(r)} || ' 件不一致，请核实'
  END || ${matchNote(true)} AS message_zh,
  CASE WHEN ${l} IS NULL OR ${r} IS NULL
    THEN 'Carry-over across years, column ' || k.col_key || ': this year''s carried-over or ' || p.prev_year || '''s carried-forward is blank or missing; not checked'
    WHEN abs(${l} - ${r}) < 1e-9
    THEN p.organ || ' ' || p.year || ', column ' || k.col_key || ': carried over ' || ${fmtSql(l)} || ' equals ' || p.prev_year || '''s carried forward (' || ${fmtSql(r)} || ')'
    ELSE p.organ || ' ' || p.year || ', column ' || k.col_key || ': applications carried over from last year (' || ${fmtSql(l)} || ') do not equal those carried forward in the ' || p.prev_year || ' report (' || ${fmtSql(r)} || ')'
  END || ${matchNote(false)} AS message_en
FROM ${quoteIdent(report_pairs)} p
CROSS JOIN ${valuesSql('k', ['col_key', 'col_zh'], APPLICANT_COLS)}
LEFT JOIN ${quoteIdent(cells)} c ON c.report_id = p.report_id AND c.table_id = 'applications' AND c.row_key = 'carried_over' AND c.col_key = k.col_key
LEFT JOIN ${quoteIdent(cells)} v ON v.report_id = p.prev_report_id AND v.table_id = 'applications' AND v.row_key = 'carried_forward' AND v.col_key = k.col_key
UNION ALL
SELECT p.report_id, 'X-YEAR-CARRY', 'warning', 'skipped', NULL, NULL, NULL,
  p.organ || ' 有 ' || p.n_candidates || ' 份 ' || p.prev_year || ' 年度报告，只与第一份比对',
  p.organ || ' has ' || p.n_candidates || ' reports for ' || p.prev_year || '; compared with the first only'
FROM ${quoteIdent(report_pairs)} p WHERE p.n_candidates > 1`;
}

const STOCK_ROWS: [string, string, string][] = [['regulations', '规章', 'Rules (规章)'], ['normative_documents', '行政规范性文件', 'normative documents']];

/**
 * X-YEAR-STOCK (2021 format, a heuristic warning): 现行有效件数 this year ≈ last year's 现行有效件数 + 本年制发件数 −
 * 本年废止件数, for 规章 and 行政规范性文件. Compared exactly — documents that expire (有效期届满) or are declared
 * invalid without a 废止 make real reports differ, which the message says. Only reports on the 2021 form; a
 * previous report without 现行有效件数 (the 2019 form) or any blank cell is skipped.
 */
export function xYearStockSql(t: Partial<ReviewTables> = {}): string {
  const { cells, report_pairs, reports } = tablesOf(t);
  const cell = (alias: string, id: string, col: string) =>
    `LEFT JOIN ${quoteIdent(cells)} ${alias} ON ${alias}.report_id = ${id} AND ${alias}.table_id = 'active_art20_1' AND ${alias}.row_key = k.row_key AND ${alias}.col_key = '${col}'`;
  const lhs = 'cv.value';
  const rhs = '(pv.value + cm.value - cr.value)';
  const blank = 'cv.value IS NULL OR pv.value IS NULL OR cm.value IS NULL OR cr.value IS NULL';
  return `
SELECT p.report_id, 'X-YEAR-STOCK' AS rule_id, 'warning' AS severity,
  CASE WHEN ${blank} THEN 'skipped' WHEN abs(${lhs} - ${rhs}) < 1e-9 THEN 'pass' ELSE 'fail' END AS status,
  k.row_key AS col_key, ${lhs} AS lhs, CASE WHEN ${blank} THEN NULL ELSE ${rhs} END AS rhs,
  CASE WHEN ${blank}
    THEN '现行有效件数跨年度检查「' || k.row_zh || '」行：本年或 ' || p.prev_year || ' 年度的「现行有效件数」、本年「本年制发件数」「本年废止件数」空白或缺失（2019 年格式没有现行有效件数），未检查'
    WHEN abs(${lhs} - ${rhs}) < 1e-9
    THEN p.organ || ' ' || p.year || ' 年度报告「' || k.row_zh || '」现行有效件数 ' || ${fmtSql(lhs)} || ' 件，等于 ' || p.prev_year || ' 年度现行有效 ' || ${fmtSql('pv.value')} || ' 件加本年制发 ' || ${fmtSql('cm.value')} || ' 件减本年废止 ' || ${fmtSql('cr.value')} || ' 件'
    ELSE p.organ || ' ' || p.year || ' 年度报告「' || k.row_zh || '」现行有效件数为 ' || ${fmtSql(lhs)} || ' 件，而 ' || p.prev_year || ' 年度现行有效 ' || ${fmtSql('pv.value')} || ' 件加本年制发 ' || ${fmtSql('cm.value')} || ' 件减本年废止 ' || ${fmtSql('cr.value')} || ' 件为 ' || ${fmtSql(rhs)} || ' 件，相差 ' || ${fmtSql(`(${lhs} - ${rhs})`)} || ' 件；如有文件有效期届满或宣布失效，请在报告中说明，否则请核实'
  END || ${matchNote(true)} AS message_zh,
  CASE WHEN ${blank}
    THEN 'Stock in force across years, ' || k.row_en || ': this year''s or ' || p.prev_year || '''s documents in force, or this year''s made or repealed, are blank or missing (the 2019 form has no stock); not checked'
    WHEN abs(${lhs} - ${rhs}) < 1e-9
    THEN p.organ || ' ' || p.year || ', ' || k.row_en || ': ' || ${fmtSql(lhs)} || ' in force equals ' || p.prev_year || '''s ' || ${fmtSql('pv.value')} || ' + ' || ${fmtSql('cm.value')} || ' made − ' || ${fmtSql('cr.value')} || ' repealed'
    ELSE p.organ || ' ' || p.year || ', ' || k.row_en || ': ' || ${fmtSql(lhs)} || ' in force, but ' || p.prev_year || '''s ' || ${fmtSql('pv.value')} || ' + ' || ${fmtSql('cm.value')} || ' made − ' || ${fmtSql('cr.value')} || ' repealed is ' || ${fmtSql(rhs)} || ' (off by ' || ${fmtSql(`(${lhs} - ${rhs})`)} || '); documents that expired or were declared invalid explain a difference only if the report says so'
  END || ${matchNote(false)} AS message_en
FROM ${quoteIdent(report_pairs)} p
JOIN ${quoteIdent(reports)} r ON r.report_id = p.report_id AND r.format = 'gov_2021'
CROSS JOIN ${valuesSql('k', ['row_key', 'row_zh', 'row_en'], STOCK_ROWS)}
${cell('cv', 'p.report_id', 'valid')}
${cell('cm', 'p.report_id', 'made')}
${cell('cr', 'p.report_id', 'repealed')}
${cell('pv', 'p.prev_report_id', 'valid')}
WHERE EXISTS (SELECT 1 FROM ${quoteIdent(cells)} x WHERE x.report_id = p.report_id AND x.table_id = 'active_art20_1' AND x.row_key = k.row_key)`;
}

/** Cross-year rows appended to checks, and n_warnings of each report raised by its failed ones. */
export function appendCrossYearChecksSql(t: Partial<ReviewTables> = {}): string[] {
  const { checks, reports } = tablesOf(t);
  return [
    `INSERT INTO ${quoteIdent(checks)} (${CHECK_COLUMNS.map(quoteIdent).join(', ')}) ${xYearCarrySql(t)}`,
    `INSERT INTO ${quoteIdent(checks)} (${CHECK_COLUMNS.map(quoteIdent).join(', ')}) ${xYearStockSql(t)}`,
    addFailedWarningsSql(['X-YEAR-CARRY', 'X-YEAR-STOCK'], t),
  ];
}

/** `UPDATE reports SET n_warnings = n_warnings + failed warnings of these rules` (once, after the rows are inserted). */
export function addFailedWarningsSql(ruleIds: readonly string[], t: Partial<ReviewTables> = {}): string {
  const { checks, reports } = tablesOf(t);
  const ids = ruleIds.map((r) => `'${r.replaceAll("'", "''")}'`).join(', ');
  return `UPDATE ${quoteIdent(reports)} SET n_warnings = ${quoteIdent(reports)}.n_warnings + f.n
FROM (SELECT report_id, count(*) AS n FROM ${quoteIdent(checks)} WHERE rule_id IN (${ids}) AND severity = 'warning' AND status = 'fail' GROUP BY report_id) f
WHERE ${quoteIdent(reports)}.report_id = f.report_id`;
}
