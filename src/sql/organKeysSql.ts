import { ALIAS_REWRITES, RENAMED } from '../core/organs/organAliases.ts';
import { quoteIdent, quoteLiteral, tablesOf, valuesSql, type ReviewTables } from './reviewSql.ts';

/** `CASE WHEN name starts with place (and leaves ≥ 2 characters) THEN the rest ELSE name END` */
const stripPlace = (name: string, place: string): string =>
  `CASE WHEN ${place} IS NOT NULL AND length(${place}) > 0 AND starts_with(${name}, ${place}) AND length(${name}) - length(${place}) >= 2 ` +
  `THEN substr(${name}, length(${place}) + 1) ELSE ${name} END`;

const renamedRows = (): [string, string][] =>
  Object.entries(RENAMED).flatMap(([group, names]) => names.map((n) => [n, `改革:${group}`] as [string, string]));

/**
 * One row per annual report with an organ and a year: the organ's three comparison names (exact, alias, renamed;
 * see src/core/organs/organAliases.ts) and `organ_key` = region code | level | renamed name, the same organ across
 * years. Regions that were not resolved compare as '' (the name then still carries its place names). A renamed
 * bureau is found by the longest name of a RENAMED group the name ends with; what stands before it stays, so
 * 通州区环境保护局 and 通州区生态环境局 meet even when 通州区 could not be placed.
 */
export function organKeysSql(t: Partial<ReviewTables> = {}): string {
  const { reports } = tablesOf(t);
  let alias = 'name_exact';
  for (const [pattern, repl] of ALIAS_REWRITES) alias = `regexp_replace(${alias}, ${quoteLiteral(pattern)}, ${quoteLiteral(repl)}, 'g')`;
  const shortProvince = `regexp_replace(province, '(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$', '')`;
  return `
WITH o0 AS (
  SELECT report_id, report_year AS year, organ, organ_level, format, province, city, county,
         coalesce(region_code, '') AS region_key, regexp_replace(organ, '\\s', '', 'g') AS n0
  FROM ${quoteIdent(reports)}
  WHERE organ IS NOT NULL AND report_year IS NOT NULL AND doc_kind = 'annual_report'
), o1 AS (
  SELECT *, CASE WHEN region_key <> '' AND city IS NOT NULL AND starts_with(n0, ${shortProvince} || city) AND NOT starts_with(n0, province)
                 THEN substr(n0, length(${shortProvince}) + 1) ELSE n0 END AS n1 FROM o0
), o2 AS (
  SELECT *, CASE WHEN region_key = '' THEN n1 ELSE ${stripPlace(stripPlace(stripPlace('n1', 'province'), 'city'), 'county')} END AS name_exact FROM o1
), o3 AS (
  SELECT *, ${alias} AS name_alias FROM o2
), o4 AS (
  SELECT o3.*, CASE WHEN rn.name IS NULL THEN o3.name_alias ELSE substr(o3.name_alias, 1, length(o3.name_alias) - length(rn.name)) || '〔' || rn.grp || '〕' END AS name_renamed
  FROM o3 LEFT JOIN ${valuesSql('rn', ['name', 'grp'], renamedRows())} ON ends_with(o3.name_alias, rn.name)
  QUALIFY row_number() OVER (PARTITION BY o3.report_id ORDER BY length(rn.name) DESC NULLS LAST) = 1
)
SELECT report_id, year, organ, organ_level, format, region_key, name_exact, name_alias, name_renamed,
       region_key || '|' || organ_level || '|' || name_renamed AS organ_key
FROM o4`;
}
