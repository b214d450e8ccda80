import type { Table } from 'apache-arrow';
import type { PanelReader } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import {
  ALL_SELECTED_SQL, CATALOG_BASE_SQL, catalogTotalSql, DEFAULT_SORT, FACET_DIMS, facetCountsSql, hitsSql, listSql, searchTerms, selectionSql,
  type FacetDim, type Facets, type FacetValue, type Sort,
} from '../sql/catalogSql.ts';
import { filterSnapshot, MAX_QUERY, parseFilter } from './catalogFilter.ts';
import { Latest, type Run } from './latest.svelte.ts';
import type { UrlPart } from './urlPart.ts';

export interface FacetCount {
  value: FacetValue;
  n: number;
}
export type FacetCounts = Record<FacetDim, FacetCount[]>;

const emptyCounts = (): FacetCounts => Object.fromEntries(FACET_DIMS.map((d) => [d, []])) as unknown as FacetCounts;

/** What one refresh computed: counts per facet value, for the search `q`. */
interface CatalogCounts {
  counts: FacetCounts;
  /** the search the counts were computed for (the box may be ahead of it) */
  q: string;
}

/**
 * The catalog's filter (facets + search + sort), kept in DuckDB as the `selection` table that SQL, charts and
 * downloads read. Every change recomputes hits, counts, the selection and the list; superseded refreshes are dropped.
 */
export class Catalog implements UrlPart {
  readonly key = 'catalog';
  #facets = $state.raw<Facets>({});
  #q = $state('');
  #sort = $state.raw<Sort>({ ...DEFAULT_SORT });
  /** the selected reports in list order (columns: LIST_COLUMNS) */
  #list = $state.raw<Table | null>(null);
  #total = $state(0);
  /** the full texts are being fetched for a first full-text search */
  #loadingTexts = $state(false);
  #loadError = $state<string | null>(null);
  /** bumped after each update of the `selection` table, for panels that read it */
  #revision = $state(0);
  readonly #latest = new Latest<CatalogCounts, string>(messageOf);
  #initialised = false;
  /** refreshes run one after the other (they share temp tables) */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly reader: () => PanelReader | null) {}

  get facets(): Facets {
    return this.#facets;
  }
  get q(): string {
    return this.#q;
  }
  get sort(): Sort {
    return this.#sort;
  }
  get counts(): FacetCounts {
    return this.#latest.value?.counts ?? emptyCounts();
  }
  get shownQ(): string {
    return this.#latest.value?.q ?? '';
  }
  get list(): Table | null {
    return this.#list;
  }
  get total(): number {
    return this.#total;
  }
  get busy(): boolean {
    return this.#latest.running;
  }
  get loadingTexts(): boolean {
    return this.#loadingTexts;
  }
  get error(): string | null {
    return this.#loadError ?? this.#latest.error;
  }
  get revision(): number {
    return this.#revision;
  }

  get count(): number {
    return this.#list?.numRows ?? 0;
  }

  get filtered(): boolean {
    return this.#q.trim() !== '' || FACET_DIMS.some((d) => (this.#facets[d]?.length ?? 0) > 0);
  }

  /**
   * Start-up: the `selection` table exists (every report) before the app says it is ready, so that SQL and
   * charts can always read it. Cheap on purpose; the facets, counts and list follow in load().
   */
  async ensureSelection(): Promise<void> {
    await this.reader()?.read(ALL_SELECTED_SQL);
  }

  /** A new database (re-initialised after a crash) has none of the catalog's tables: load() builds them again. */
  reset(): void {
    this.#initialised = false;
  }

  /** Builds the catalog's base table and applies the (possibly restored) filter. Called after start-up. */
  async load(): Promise<void> {
    const reader = this.reader();
    if (!reader || this.#initialised) return;
    try {
      await reader.read(CATALOG_BASE_SQL);
      const t = await reader.read(catalogTotalSql);
      this.#total = Number(t.getChildAt(0)?.get(0) ?? 0);
      this.#initialised = true;
      this.#loadError = null;
    } catch (e) {
      this.#loadError = messageOf(e);
      return;
    }
    await this.refresh();
  }

  isSelected(dim: FacetDim, value: FacetValue): boolean {
    return this.#facets[dim]?.includes(value) ?? false;
  }

  toggle(dim: FacetDim, value: FacetValue): void {
    const cur = this.#facets[dim] ?? [];
    const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
    this.#facets = { ...this.#facets, [dim]: next };
    // A narrower region level makes no sense once its parent changes.
    if (dim === 'province') this.#facets = { ...this.#facets, city: [], county: [] };
    if (dim === 'city') this.#facets = { ...this.#facets, county: [] };
    void this.refresh();
  }

  clearDim(dim: FacetDim): void {
    this.#facets = { ...this.#facets, [dim]: [] };
    void this.refresh();
  }

  clearAll(): void {
    this.#facets = {};
    this.#q = '';
    void this.refresh();
  }

  search(q: string): void {
    this.#q = q.slice(0, MAX_QUERY);
    void this.refresh();
  }

  setSort(key: Sort['key']): void {
    this.#sort = this.#sort.key === key ? { key, desc: !this.#sort.desc } : { key, desc: key === 'year' || key === 'failed' };
    // joins the refresh in progress, if any: a newer refresh reads the list itself
    const run = this.#latest.current();
    this.#chain = this.#chain.then(() => this.refreshList(run)).catch((e: unknown) => {
      if (!run.superseded()) this.#loadError = messageOf(e);
    });
  }

  /** The newest filter is applied once the refresh before it ends; one superseded before it starts is skipped. */
  async refresh(): Promise<void> {
    this.#loadError = null;
    const before = this.#chain;
    const done = this.#latest.run(async (run) => {
      await before.catch(() => {});
      return this.update(run);
    });
    this.#chain = done;
    await done;
  }

  private async update(run: Run): Promise<CatalogCounts> {
    const reader = this.reader();
    const previous = this.#latest.value ?? { counts: emptyCounts(), q: '' };
    if (!reader || !this.#initialised || run.superseded()) return previous;
    const q = this.#q;
    const terms = searchTerms(q);
    const searching = terms.length > 0;
    if (searching) {
      this.#loadingTexts = true;
      try {
        await reader.ensureTable('texts');
      } finally {
        this.#loadingTexts = false;
      }
      if (run.superseded()) return previous;
      await reader.read(hitsSql(terms, true));
    }
    const facets = this.#facets;
    const counts = await reader.read(facetCountsSql(facets, searching));
    await reader.read(selectionSql(facets, searching));
    if (run.superseded()) return previous;
    this.#revision++;
    await this.refreshList(run);
    return { counts: toCounts(counts), q };
  }

  private async refreshList(run: Run): Promise<void> {
    const reader = this.reader();
    if (!reader || !this.#initialised) return;
    const t = await reader.read(listSql(this.#sort));
    if (!run.superseded()) this.#list = t;
  }

  snapshot(): unknown {
    return filterSnapshot({ facets: this.#facets, q: this.#q, sort: this.#sort });
  }

  restore(value: unknown): void {
    const f = parseFilter(value);
    this.#facets = f.facets;
    this.#q = f.q;
    this.#sort = f.sort;
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
