import type { Table } from 'apache-arrow';
import type { Engine } from '../db/engine.ts';
import {
  ALL_SELECTED_SQL, CATALOG_BASE_SQL, DEFAULT_SORT, FACET_DIMS, MAX_QUERY, facetCountsSql, filterSnapshot, hitsSql, listSql, parseFilter,
  searchTerms, selectionSql, type FacetDim, type FacetValue, type Facets, type Sort,
} from './catalogQuery.ts';
import type { UrlPart } from './urlPart.ts';

export interface FacetCount { value: FacetValue; n: number }
export type FacetCounts = Record<FacetDim, FacetCount[]>;

const emptyCounts = (): FacetCounts => Object.fromEntries(FACET_DIMS.map((d) => [d, []])) as unknown as FacetCounts;

/**
 * The catalog's filter (facets + search + sort), kept in DuckDB as the `selection` table that SQL, charts and
 * downloads read. Every change recomputes hits, counts, the selection and the list; a token drops stale refreshes.
 */
export class Catalog implements UrlPart {
  readonly key = 'catalog';
  facets = $state<Facets>({});
  q = $state('');
  sort = $state<Sort>({ ...DEFAULT_SORT });
  counts = $state.raw<FacetCounts>(emptyCounts());
  /** the selected reports in list order (columns: LIST_COLUMNS) */
  list = $state.raw<Table | null>(null);
  total = $state(0);
  busy = $state(false);
  /** the search the shown counts were computed for (the box may be ahead of it) */
  shownQ = $state('');
  /** the full texts are being fetched for a first full-text search */
  loadingTexts = $state(false);
  error = $state<string | null>(null);
  /** bumped after each update of the `selection` table, for panels that read it */
  revision = $state(0);
  private initialised = false;
  private token = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly engine: () => Engine | null) {}

  get count(): number {
    return this.list?.numRows ?? 0;
  }

  get filtered(): boolean {
    return this.q.trim() !== '' || FACET_DIMS.some((d) => (this.facets[d]?.length ?? 0) > 0);
  }

  /**
   * Start-up: the `selection` table exists (every report) before the app says it is ready, so that SQL and
   * charts can always read it. Cheap on purpose; the facets, counts and list follow in load().
   */
  async ensureSelection(): Promise<void> {
    await this.engine()?.sys(ALL_SELECTED_SQL);
  }

  /** A new database (re-initialised after a crash) has none of the catalog's tables: load() builds them again. */
  reset(): void {
    this.initialised = false;
  }

  /** Builds the catalog's base table and applies the (possibly restored) filter. Called after start-up. */
  async load(): Promise<void> {
    const engine = this.engine();
    if (!engine || this.initialised) return;
    await engine.sys(CATALOG_BASE_SQL);
    const t = await engine.sys('SELECT count(*) AS n FROM catalog_base');
    this.total = Number(t.getChildAt(0)?.get(0) ?? 0);
    this.initialised = true;
    await this.refresh();
  }

  isSelected(dim: FacetDim, value: FacetValue): boolean {
    return this.facets[dim]?.includes(value) ?? false;
  }

  toggle(dim: FacetDim, value: FacetValue): void {
    const cur = this.facets[dim] ?? [];
    const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
    this.facets = { ...this.facets, [dim]: next };
    // A narrower region level makes no sense once its parent changes.
    if (dim === 'province') this.facets = { ...this.facets, city: [], county: [] };
    if (dim === 'city') this.facets = { ...this.facets, county: [] };
    void this.refresh();
  }

  clearDim(dim: FacetDim): void {
    this.facets = { ...this.facets, [dim]: [] };
    void this.refresh();
  }

  clearAll(): void {
    this.facets = {};
    this.q = '';
    void this.refresh();
  }

  search(q: string): void {
    this.q = q.slice(0, MAX_QUERY);
    void this.refresh();
  }

  setSort(key: Sort['key']): void {
    this.sort = this.sort.key === key ? { key, desc: !this.sort.desc } : { key, desc: key === 'year' || key === 'failed' };
    const my = this.token;
    this.chain = this.chain.then(() => this.refreshList(my)).catch((e) => {
      this.error = e instanceof Error ? e.message : String(e);
    });
  }

  /** Refreshes run one after the other (they share temp tables); one superseded before it starts is skipped. */
  refresh(): Promise<void> {
    const my = ++this.token;
    this.chain = this.chain.then(() => (my === this.token ? this.update(my) : undefined));
    return this.chain;
  }

  private async update(my: number): Promise<void> {
    const engine = this.engine();
    if (!engine || !this.initialised) return;
    this.busy = true;
    this.error = null;
    try {
      const q = this.q;
      const terms = searchTerms(q);
      const searching = terms.length > 0;
      if (searching) {
        this.loadingTexts = true;
        try {
          await engine.ensureTable('texts');
        } finally {
          this.loadingTexts = false;
        }
        if (my !== this.token) return;
        await engine.sys(hitsSql(terms, true));
      }
      const facets = $state.snapshot(this.facets) as Facets;
      const counts = await engine.sys(facetCountsSql(facets, searching));
      await engine.sys(selectionSql(facets, searching));
      if (my !== this.token) return;
      this.counts = toCounts(counts);
      this.shownQ = q;
      this.revision++;
      await this.refreshList(my);
    } catch (e) {
      if (my === this.token) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (my === this.token) this.busy = false;
    }
  }

  private async refreshList(my: number): Promise<void> {
    const engine = this.engine();
    if (!engine || !this.initialised) return;
    const t = await engine.sys(listSql(this.sort));
    if (my === this.token) this.list = t;
  }

  snapshot(): unknown {
    return filterSnapshot({ facets: this.facets, q: this.q, sort: this.sort });
  }

  restore(value: unknown): void {
    const f = parseFilter(value);
    this.facets = f.facets;
    this.q = f.q;
    this.sort = f.sort;
    void this.refresh();
  }
}

function toCounts(t: Table): FacetCounts {
  const out = emptyCounts();
  const dim = t.getChild('dim')!;
  const v = t.getChild('v')!;
  const n = t.getChild('n')!;
  for (let i = 0; i < t.numRows; i++) {
    const d = dim.get(i) as FacetDim;
    out[d]?.push({ value: v.get(i) as string | null, n: Number(n.get(i)) });
  }
  for (const d of FACET_DIMS) {
    out[d].sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? 1 : -1;
      return d === 'year' ? b.value.localeCompare(a.value) : b.n - a.n || a.value.localeCompare(b.value, 'zh');
    });
  }
  return out;
}
