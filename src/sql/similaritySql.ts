import { organKeysSql } from './organKeysSql.ts';
import { quoteIdent, tablesOf, type ReviewTables } from './reviewSql.ts';

export interface SimilarityTables extends ReviewTables {
  /** PassageRow and ProfileRow of src/core/similarity/findSimilar.ts, appended by the build */
  passages_raw: string;
  profiles_raw: string;
}
const simTables = (t: Partial<SimilarityTables> = {}) => ({ passages_raw: 'similar_passages_raw', profiles_raw: 'section_profiles_raw', ...tablesOf(t), ...t });

/** Staging tables the build appends findSimilar's rows to (their columns are PassageRow's and ProfileRow's). */
export function createSimilarityStagingSql(t: Partial<SimilarityTables> = {}): string[] {
  const { passages_raw, profiles_raw } = simTables(t);
  return [
    `CREATE OR REPLACE TABLE ${quoteIdent(passages_raw)} (report_id VARCHAR, other_report_id VARCHAR, section_key VARCHAR, passage INTEGER, similarity DOUBLE, other_similarity DOUBLE, start INTEGER, "end" INTEGER, other_start INTEGER, other_end INTEGER, specific_chars INTEGER)`,
    `CREATE OR REPLACE TABLE ${quoteIdent(profiles_raw)} (report_id VARCHAR, section_key VARCHAR, chars INTEGER, shingles INTEGER, specific INTEGER)`,
  ];
}

/**
 * `similar_passages`: the verified passages with what the other report is to this one — same_organ_prev_year (the
 * organ's report of the year before, by report_pairs), same_organ_next_year, same_organ_other_year (same organ_key,
 * another year or a second report of the year), cross_organ, or unknown_organ (a side without organ or year).
 */
export function similarPassagesSql(t: Partial<SimilarityTables> = {}): string {
  const tt = simTables(t);
  return `CREATE OR REPLACE TABLE similar_passages AS
WITH k AS (SELECT report_id, organ_key FROM (${organKeysSql(tt)}))
SELECT p.report_id, p.other_report_id, p.section_key,
  CASE WHEN pp.report_id IS NOT NULL THEN 'same_organ_prev_year'
       WHEN pn.report_id IS NOT NULL THEN 'same_organ_next_year'
       WHEN ka.organ_key IS NULL OR kb.organ_key IS NULL THEN 'unknown_organ'
       WHEN ka.organ_key = kb.organ_key THEN 'same_organ_other_year'
       ELSE 'cross_organ' END AS kind,
  p.similarity, p.other_similarity, p.passage, p.start, p."end", p.other_start, p.other_end, p.specific_chars
FROM ${quoteIdent(tt.passages_raw)} p
LEFT JOIN ${quoteIdent(tt.report_pairs)} pp ON pp.report_id = p.report_id AND pp.prev_report_id = p.other_report_id
LEFT JOIN ${quoteIdent(tt.report_pairs)} pn ON pn.report_id = p.other_report_id AND pn.prev_report_id = p.report_id
LEFT JOIN k ka ON ka.report_id = p.report_id
LEFT JOIN k kb ON kb.report_id = p.other_report_id
ORDER BY p.report_id, p.section_key, p.other_report_id, p.passage`;
}

/**
 * `section_profiles`: per text section, how much is the report's own (specific = shingles that are not boilerplate)
 * and the largest share of it found in one other report of the same or an earlier year — what this report may have
 * copied; a later report copying this one does not count against it (copied_share; prev_year_share for the organ's
 * own report of the year before, cross_organ_share for other organs'). Needs similar_passages.
 */
export function sectionProfilesSql(t: Partial<SimilarityTables> = {}): string {
  const { profiles_raw, reports } = simTables(t);
  return `CREATE OR REPLACE TABLE section_profiles AS
WITH s AS (
  SELECT p.report_id, p.section_key, max(p.similarity) AS copied_share,
    max(p.similarity) FILTER (WHERE p.kind = 'same_organ_prev_year') AS prev_year_share,
    max(p.similarity) FILTER (WHERE p.kind = 'cross_organ') AS cross_organ_share
  FROM similar_passages p
  JOIN ${quoteIdent(reports)} a ON a.report_id = p.report_id
  JOIN ${quoteIdent(reports)} b ON b.report_id = p.other_report_id
  WHERE p.kind <> 'same_organ_next_year' AND (a.report_year IS NULL OR b.report_year IS NULL OR b.report_year <= a.report_year)
  GROUP BY ALL
)
SELECT p.report_id, p.section_key, p.chars, p.shingles, p.specific,
  CASE WHEN p.shingles > 0 THEN 1 - p.specific / p.shingles END AS boilerplate_share,
  coalesce(s.copied_share, 0) AS copied_share, coalesce(s.prev_year_share, 0) AS prev_year_share, coalesce(s.cross_organ_share, 0) AS cross_organ_share
FROM ${quoteIdent(profiles_raw)} p LEFT JOIN s USING (report_id, section_key)
ORDER BY p.report_id, p.section_key`;
}
