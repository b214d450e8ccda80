/** A few starting points in the SQL panel; the full question library is a separate piece of work. */
import type { MessageKey } from '../i18n/zh.ts';

export const EXAMPLES: { name: MessageKey; sql: string }[] = [
  {
    name: 'example_all_reports',
    sql: `SELECT report_id, title, organ, report_year, format, doc_kind, n_errors\nFROM reports\nORDER BY report_year, organ;`,
  },
  {
    name: 'example_grant_share',
    sql: `SELECT organ, report_year, applications_received, granted, granted_share, refused_share, reviews, lawsuits\nFROM report_metrics\nORDER BY applications_received DESC NULLS LAST;`,
  },
  {
    name: 'example_applications_wide',
    sql: `SELECT r.organ, a.*\nFROM applications_wide a JOIN reports r USING (report_id)\nORDER BY r.organ, a.ord;`,
  },
  {
    name: 'example_failed_checks',
    sql: `SELECT r.organ, c.rule_id, c.status, c.col_key, c.lhs, c.rhs, c.message_zh\nFROM checks c JOIN reports r USING (report_id)\nORDER BY c.status = 'fail' DESC, c.status, r.organ, c.rule_id;`,
  },
  {
    name: 'example_labels',
    sql: `SELECT format, table_id, kind, key, label_zh, label_en\nFROM labels\nORDER BY format, table_id, kind, ord;`,
  },
];
