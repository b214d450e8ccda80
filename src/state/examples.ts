/** A few starting points in the SQL panel; the full question library is a separate piece of work. */
export const EXAMPLES: { zh: string; en: string; sql: string }[] = [
  {
    zh: '全部报告',
    en: 'All reports',
    sql: `SELECT report_id, title, organ, report_year, format, doc_kind, n_errors\nFROM reports\nORDER BY report_year, organ;`,
  },
  {
    zh: '各报告收到申请数与公开比例',
    en: 'Applications received and grant share per report',
    sql: `SELECT organ, report_year, applications_received, granted, granted_share, refused_share, reviews, lawsuits\nFROM report_metrics\nORDER BY applications_received DESC NULLS LAST;`,
  },
  {
    zh: '依申请公开表（宽表）',
    en: 'Applications table, wide',
    sql: `SELECT r.organ, a.*\nFROM applications_wide a JOIN reports r USING (report_id)\nORDER BY r.organ, a.ord;`,
  },
  {
    zh: '未通过的勾稽检查',
    en: 'Failed consistency checks',
    sql: `SELECT r.organ, c.rule_id, c.col_key, c.lhs, c.rhs, c.message_zh\nFROM checks c JOIN reports r USING (report_id)\nWHERE c.status = 'fail'\nORDER BY r.organ, c.rule_id;`,
  },
  {
    zh: '各表格行列标签',
    en: 'Row and column labels',
    sql: `SELECT format, table_id, kind, key, label_zh, label_en\nFROM labels\nORDER BY format, table_id, kind, ord;`,
  },
];
