// The catalog's filter as stored in a link: what the URL keeps, and how untrusted JSON is read back.
import { DEFAULT_SORT, FACET_DIMS, SORT_KEYS, type Facets, type FacetValue, type Sort, type SortKey } from '../sql/catalogSql.ts';

export interface CatalogFilter { facets: Facets; q: string; sort: Sort }
export const MAX_QUERY = 200;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The filter as stored in the URL; undefined when everything is at its default. */
export function filterSnapshot(f: CatalogFilter): unknown {
  const facets = Object.fromEntries(FACET_DIMS.filter((d) => f.facets[d]?.length).map((d) => [d, [...f.facets[d]!]]));
  const out: Record<string, unknown> = {};
  if (Object.keys(facets).length) out.facets = facets;
  if (f.q.trim()) out.q = f.q;
  if (f.sort.key !== DEFAULT_SORT.key || f.sort.desc !== DEFAULT_SORT.desc) out.sort = { ...f.sort };
  return Object.keys(out).length ? out : undefined;
}

/** Reads a filter from untrusted JSON (a URL typed by hand): unknown parts fall back to the defaults. */
export function parseFilter(value: unknown): CatalogFilter {
  const v = isRecord(value) ? value : {};
  const facets: Facets = {};
  if (isRecord(v.facets)) {
    for (const d of FACET_DIMS) {
      const arr = v.facets[d];
      if (!Array.isArray(arr)) continue;
      const vals = arr.filter((x): x is FacetValue => x === null || (typeof x === 'string' && x.length <= 200)).slice(0, 500);
      if (vals.length) facets[d] = [...new Set(vals)];
    }
  }
  const s = v.sort;
  const sort =
    isRecord(s) && SORT_KEYS.includes(s.key as SortKey) && typeof s.desc === 'boolean'
      ? { key: s.key as SortKey, desc: s.desc }
      : { ...DEFAULT_SORT };
  return { facets, q: typeof v.q === 'string' ? v.q.slice(0, MAX_QUERY) : '', sort };
}
