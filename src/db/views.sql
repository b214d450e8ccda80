-- Views over the contract tables (src/core/schema.ts). Runs unchanged in native DuckDB and in DuckDB-WASM 1.32,
-- which has only core functions: no json, parquet or icu. Statements are separated by semicolons, and no
-- semicolon appears inside a comment or string, so a plain split works.
-- Column keys are the template's (src/core/template.json), gov_2021 and gov_2019 together.

-- One row per report and applications row. Labels come from the report's own format, falling back to gov_2021
-- for reports whose format has no template (pre_2019, none).
CREATE OR REPLACE VIEW applications_wide AS
SELECT
  c.report_id,
  c.row_key,
  coalesce(min(l.label_zh), min(l21.label_zh)) AS row_label_zh,
  coalesce(min(l.ord), min(l21.ord)) AS ord,
  max(c.value) FILTER (WHERE c.col_key = 'natural_person') AS natural_person,
  max(c.value) FILTER (WHERE c.col_key = 'legal_commercial') AS legal_commercial,
  max(c.value) FILTER (WHERE c.col_key = 'legal_research') AS legal_research,
  max(c.value) FILTER (WHERE c.col_key = 'legal_public_interest') AS legal_public_interest,
  max(c.value) FILTER (WHERE c.col_key = 'legal_legal_service') AS legal_legal_service,
  max(c.value) FILTER (WHERE c.col_key = 'legal_other') AS legal_other,
  max(c.value) FILTER (WHERE c.col_key = 'total') AS total
FROM cells AS c
LEFT JOIN reports AS r ON r.report_id = c.report_id
LEFT JOIN labels AS l
  ON l.format = r.format AND l.table_id = 'applications' AND l.kind = 'row' AND l.key = c.row_key
LEFT JOIN labels AS l21
  ON l21.format = 'gov_2021' AND l21.table_id = 'applications' AND l21.kind = 'row' AND l21.key = c.row_key
WHERE c.table_id = 'applications'
GROUP BY c.report_id, c.row_key;

-- One row per report (every report, NULLs where the table was not found).
CREATE OR REPLACE VIEW review_litigation_wide AS
SELECT
  r.report_id,
  max(c.value) FILTER (WHERE c.col_key = 'review_maintained') AS review_maintained,
  max(c.value) FILTER (WHERE c.col_key = 'review_corrected') AS review_corrected,
  max(c.value) FILTER (WHERE c.col_key = 'review_other') AS review_other,
  max(c.value) FILTER (WHERE c.col_key = 'review_pending') AS review_pending,
  max(c.value) FILTER (WHERE c.col_key = 'review_total') AS review_total,
  max(c.value) FILTER (WHERE c.col_key = 'lit_direct_maintained') AS lit_direct_maintained,
  max(c.value) FILTER (WHERE c.col_key = 'lit_direct_corrected') AS lit_direct_corrected,
  max(c.value) FILTER (WHERE c.col_key = 'lit_direct_other') AS lit_direct_other,
  max(c.value) FILTER (WHERE c.col_key = 'lit_direct_pending') AS lit_direct_pending,
  max(c.value) FILTER (WHERE c.col_key = 'lit_direct_total') AS lit_direct_total,
  max(c.value) FILTER (WHERE c.col_key = 'lit_after_review_maintained') AS lit_after_review_maintained,
  max(c.value) FILTER (WHERE c.col_key = 'lit_after_review_corrected') AS lit_after_review_corrected,
  max(c.value) FILTER (WHERE c.col_key = 'lit_after_review_other') AS lit_after_review_other,
  max(c.value) FILTER (WHERE c.col_key = 'lit_after_review_pending') AS lit_after_review_pending,
  max(c.value) FILTER (WHERE c.col_key = 'lit_after_review_total') AS lit_after_review_total
FROM reports AS r
LEFT JOIN cells AS c ON c.report_id = r.report_id AND c.table_id = 'review_litigation'
GROUP BY r.report_id;

-- One row per report, active-disclosure table and row. gov_2021 columns: made, repealed, valid, decisions,
-- fee_amount. gov_2019 columns: new_made, new_published, total_published, prev_year_items, change, decisions,
-- procurement_items, procurement_amount. A column the report's format lacks stays NULL.
CREATE OR REPLACE VIEW active_disclosure_wide AS
SELECT
  c.report_id,
  c.table_id,
  c.row_key,
  coalesce(min(l.label_zh), min(l21.label_zh)) AS row_label_zh,
  coalesce(min(l.ord), min(l21.ord)) AS ord,
  max(c.value) FILTER (WHERE c.col_key = 'made') AS made,
  max(c.value) FILTER (WHERE c.col_key = 'repealed') AS repealed,
  max(c.value) FILTER (WHERE c.col_key = 'valid') AS valid,
  max(c.value) FILTER (WHERE c.col_key = 'new_made') AS new_made,
  max(c.value) FILTER (WHERE c.col_key = 'new_published') AS new_published,
  max(c.value) FILTER (WHERE c.col_key = 'total_published') AS total_published,
  max(c.value) FILTER (WHERE c.col_key = 'prev_year_items') AS prev_year_items,
  max(c.value) FILTER (WHERE c.col_key = 'change') AS "change",
  max(c.value) FILTER (WHERE c.col_key = 'decisions') AS decisions,
  max(c.value) FILTER (WHERE c.col_key = 'fee_amount') AS fee_amount,
  max(c.value) FILTER (WHERE c.col_key = 'procurement_items') AS procurement_items,
  max(c.value) FILTER (WHERE c.col_key = 'procurement_amount') AS procurement_amount
FROM cells AS c
LEFT JOIN reports AS r ON r.report_id = c.report_id
LEFT JOIN labels AS l
  ON l.format = r.format AND l.table_id = c.table_id AND l.kind = 'row' AND l.key = c.row_key
LEFT JOIN labels AS l21
  ON l21.format = 'gov_2021' AND l21.table_id = c.table_id AND l21.kind = 'row' AND l21.key = c.row_key
WHERE starts_with(c.table_id, 'active_')
GROUP BY c.report_id, c.table_id, c.row_key;

-- One row per report. Shares are of results_total and NULL when it is 0 or missing.
CREATE OR REPLACE VIEW report_metrics AS
WITH app AS (
  SELECT
    report_id,
    max(total) FILTER (WHERE row_key = 'new_received') AS applications_received,
    max(total) FILTER (WHERE row_key = 'carried_over') AS carried_over,
    max(total) FILTER (WHERE row_key = 'granted') AS granted,
    max(total) FILTER (WHERE row_key = 'partially_granted') AS partially_granted,
    sum(total) FILTER (WHERE starts_with(row_key, 'denied_')) AS refused,
    sum(total) FILTER (WHERE starts_with(row_key, 'unable_')) AS unable,
    sum(total) FILTER (WHERE starts_with(row_key, 'not_processed_')) AS not_processed,
    max(total) FILTER (WHERE row_key = 'results_total') AS results_total
  FROM applications_wide
  GROUP BY report_id
),
failed AS (
  SELECT report_id, count(*) AS failed_checks
  FROM checks
  WHERE status = 'fail' AND severity = 'error'
  GROUP BY report_id
)
SELECT
  r.report_id,
  r.title,
  r.organ,
  r.report_year,
  r.format,
  app.applications_received,
  app.carried_over,
  app.granted,
  app.partially_granted,
  app.refused,
  app.unable,
  app.not_processed,
  app.results_total,
  app.granted / nullif(app.results_total, 0) AS granted_share,
  app.partially_granted / nullif(app.results_total, 0) AS partial_share,
  app.refused / nullif(app.results_total, 0) AS refused_share,
  rl.review_total AS reviews,
  CASE
    WHEN rl.lit_direct_total IS NULL AND rl.lit_after_review_total IS NULL THEN NULL
    ELSE coalesce(rl.lit_direct_total, 0) + coalesce(rl.lit_after_review_total, 0)
  END AS lawsuits,
  rl.review_corrected / nullif(rl.review_total - rl.review_pending, 0) AS review_correction_rate,
  coalesce(failed.failed_checks, 0)::INTEGER AS failed_checks
FROM reports AS r
LEFT JOIN app ON app.report_id = r.report_id
LEFT JOIN review_litigation_wide AS rl ON rl.report_id = r.report_id
LEFT JOIN failed ON failed.report_id = r.report_id;
