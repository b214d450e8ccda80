// SQL of the catalog: a per-session base table with the facet columns, full-text hits, facet counts, the
// `selection` table other panels read, and the list. Pure string building, tested on both engines.
import { literal } from './quote.ts';

/** The catalog's table of selected reports: user SQL, charts and downloads read it, only the catalog writes it. */
export const SELECTION_TABLE = 'selection';

export const FACET_DIMS = ['province', 'city', 'county', 'year', 'format', 'doc_kind', 'organ_level', 'check_status'] as const;
export type FacetDim = (typeof FACET_DIMS)[number];
/** A facet value as SQL sees it (VARCHAR); null stands for "unknown" (a NULL in the data). */
export type FacetValue = string | null;
export type Facets = Partial<Record<FacetDim, FacetValue[]>>;

export const SORT_KEYS = ['title', 'organ', 'region', 'year', 'format', 'doc_kind', 'failed'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort { key: SortKey; desc: boolean }
export const DEFAULT_SORT: Sort = { key: 'year', desc: true };

export const CHECK_STATUSES = ['errors', 'warnings', 'pass', 'unchecked'] as const;

/** Session-local (TEMP) table with one row per report and the columns facets and the list need. */
export const CATALOG_BASE_SQL = `CREATE OR REPLACE TEMP TABLE catalog_base AS
SELECT
  r.report_id, r.title, r.organ, r.organ_level, r.province, r.city, r.county, r.region_code,
  r.report_year, CAST(r.report_year AS VARCHAR) AS year, r.format, r.doc_kind, r.parse_status,
  r.n_errors, r.n_warnings,
  CASE
    WHEN r.n_errors > 0 THEN 'errors'
    WHEN r.n_warnings > 0 THEN 'warnings'
    WHEN EXISTS (SELECT 1 FROM checks c WHERE c.report_id = r.report_id AND c.status = 'pass') THEN 'pass'
    ELSE 'unchecked'
  END AS check_status
FROM reports r`;

/** Search terms: whitespace separates terms that must all occur (AND); at most 8, each at most 100 chars. */
export function searchTerms(q: string): string[] {
  return q
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((t) => t.slice(0, 100));
}

const likePattern = (t: string) => literal(`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** Case-insensitive when the term has Latin letters (ILIKE); a plain substring test otherwise (Chinese has no case). */
function matches(column: string, t: string): string {
  return /[a-z]/i.test(t) ? `${column} ILIKE ${likePattern(t)} ESCAPE '\\'` : `contains(${column}, ${literal(t)})`;
}

/**
 * Reports whose title, organ or full text contains every term: a scan of the lazily loaded texts, which measured
 * faster and far smaller than a bigram index (see docs/search.md). `withText` false searches title and organ only.
 */
export function hitsSql(terms: string[], withText: boolean): string {
  const term = (t: string) => {
    const parts = [matches('r.title', t), matches('r.organ', t)];
    if (withText) parts.push(matches('t.text', t));
    return `coalesce(${parts.join(' OR ')}, FALSE)`;
  };
  const from = withText ? 'reports r LEFT JOIN texts t USING (report_id)' : 'reports r';
  return `CREATE OR REPLACE TEMP TABLE catalog_hits AS
SELECT r.report_id FROM ${from}
WHERE ${terms.map(term).join(' AND ')}`;
}

function dimCondition(dim: FacetDim, values: FacetValue[]): string {
  const known = values.filter((v): v is string => v !== null);
  const parts: string[] = [];
  if (known.length) parts.push(`${dim} IN (${known.map(literal).join(', ')})`);
  if (values.includes(null)) parts.push(`${dim} IS NULL`);
  return parts.length ? `(${parts.join(' OR ')})` : 'TRUE';
}

/** WHERE clause over catalog_base for the facets (leaving out `except`) and the search hits. */
export function whereSql(facets: Facets, searching: boolean, except?: FacetDim): string {
  const conds: string[] = [];
  for (const dim of FACET_DIMS) {
    const values = facets[dim];
    if (dim === except || !values || values.length === 0) continue;
    conds.push(dimCondition(dim, values));
  }
  if (searching) conds.push('report_id IN (SELECT report_id FROM catalog_hits)');
  return conds.length ? conds.join(' AND ') : 'TRUE';
}

/** Counts per facet value, each dimension filtered by all the others (the usual faceted-search counts). */
export function facetCountsSql(facets: Facets, searching: boolean): string {
  return FACET_DIMS.map(
    (dim) =>
      `SELECT '${dim}' AS dim, ${dim} AS v, count(*) AS n FROM catalog_base WHERE ${whereSql(facets, searching, dim)} GROUP BY ${dim}`,
  ).join('\nUNION ALL ');
}

/** The `selection` table read by SQL, the chart builder and downloads: one row per selected report. */
export function selectionSql(facets: Facets, searching: boolean): string {
  return `CREATE OR REPLACE TABLE selection AS
SELECT report_id FROM catalog_base WHERE ${whereSql(facets, searching)} ORDER BY report_id`;
}

/** The selection before the catalog has loaded: every report. */
export const ALL_SELECTED_SQL = `CREATE OR REPLACE TABLE selection AS SELECT report_id FROM reports ORDER BY report_id`;

const ORDER: Record<SortKey, string> = {
  title: 'title',
  organ: 'organ',
  region: 'province {d}, city {d}, county',
  year: 'report_year',
  format: 'format',
  doc_kind: 'doc_kind',
  failed: 'n_errors {d}, n_warnings',
};

export const LIST_COLUMNS = [
  'report_id', 'title', 'organ', 'province', 'city', 'county', 'report_year', 'format', 'doc_kind', 'n_errors', 'n_warnings', 'check_status',
] as const;

/** Reports in the catalog's base table. */
export const catalogTotalSql = 'SELECT count(*) AS n FROM catalog_base';

/** The selected reports in list order. */
export function listSql(sort: Sort): string {
  const d = sort.desc ? 'DESC' : 'ASC';
  return `SELECT ${LIST_COLUMNS.join(', ')}
FROM catalog_base JOIN selection USING (report_id)
ORDER BY ${ORDER[sort.key].replaceAll('{d}', d)} ${d} NULLS LAST, report_year DESC NULLS LAST, organ, report_id`;
}


/** The catalog's "open in SQL": the selected reports as a query the user can change. */
export const selectedReportsSql = `SELECT r.report_id, r.title, r.organ, r.province, r.city, r.county, r.report_year, r.format, r.doc_kind, r.n_errors, r.n_warnings
FROM reports r JOIN selection USING (report_id)
ORDER BY r.report_year DESC, r.organ;`;
