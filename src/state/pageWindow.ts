// The pages of a big result that the page holds: the ones on screen and their neighbours, fetched one at a time,
// the farthest dropped first. Pure (no runes): ResultPages wraps it for Svelte.
import type { Table } from 'apache-arrow';

export type FetchRows = (offset: number, limit: number) => Promise<Table>;

export interface PageWindowOptions {
  pageRows: number;
  maxPages: number;
  maxBytes: number;
  /** something the grid shows changed: a page arrived or failed, the row count became known */
  onchange: () => void;
}

/** Where one row lives: a table and the row's index in it. */
export interface RowRef { table: Table; index: number }

export const tableBytes = (t: Table): number => t.data.reduce((n, d) => n + d.byteLength, 0);

export class PageWindow {
  private readonly pages = new Map<number, Table>();
  /** the first rows, read with the query; shown until pages read from the source replace them */
  private preview: Table | null;
  private fetch: FetchRows | null = null;
  private total: number | null = null;
  private first = 0;
  private last = 0;
  private loading: number | null = null;
  private closed = false;
  /** a page read failed; no more are read for this result */
  error: unknown = null;
  /** page reads started, for tests and the bench */
  fetches = 0;

  constructor(preview: Table, private readonly opts: PageWindowOptions) {
    this.preview = preview;
  }

  /** Rows the grid scrolls through: all once pages can be read, else those read with the query. */
  get rowCount(): number {
    return this.fetch && this.total !== null ? this.total : (this.preview?.numRows ?? 0);
  }

  get heldPages(): number {
    return this.pages.size;
  }

  /** Bytes of rows held (pages and the preview while it is kept). */
  get heldBytes(): number {
    let n = this.preview ? tableBytes(this.preview) : 0;
    for (const t of this.pages.values()) n += tableBytes(t);
    return n;
  }

  get pending(): boolean {
    return this.loading !== null;
  }

  /** The result has `total` rows; `fetch` reads any of them (null when only the preview can be shown). */
  ready(total: number, fetch: FetchRows | null): void {
    if (this.closed) return;
    this.total = total;
    this.fetch = fetch;
    this.opts.onchange();
    this.pump();
  }

  locate(row: number): RowRef | null {
    const p = Math.floor(row / this.opts.pageRows);
    const page = this.pages.get(p);
    if (page) {
      const index = row - p * this.opts.pageRows;
      return index < page.numRows ? { table: page, index } : null;
    }
    if (this.preview && row < this.preview.numRows) return { table: this.preview, index: row };
    return null;
  }

  /** Rows [first, last) are on screen: read their pages (and the neighbours), drop far ones. */
  show(first: number, last: number): void {
    this.first = Math.max(0, first);
    this.last = Math.max(this.first, last);
    this.pump();
  }

  /** The result was replaced: read nothing more, forget what is held. */
  close(): void {
    this.closed = true;
    this.pages.clear();
    this.preview = null;
  }

  /** Pages on screen, nearest the middle first, then one page either side to scroll into. */
  private wanted(): number[] {
    const P = this.opts.pageRows;
    const lastPage = Math.max(0, Math.ceil(this.rowCount / P) - 1);
    const a = Math.floor(this.first / P);
    const b = Math.min(lastPage, Math.floor(Math.max(this.first, this.last - 1) / P));
    const mid = (a + b) / 2;
    const onScreen = Array.from({ length: b - a + 1 }, (_, i) => a + i).sort((x, y) => Math.abs(x - mid) - Math.abs(y - mid));
    const around = [b + 1, a - 1].filter((p) => p >= 0 && p <= lastPage);
    return [...onScreen, ...around];
  }

  private pump(): void {
    if (this.closed || this.loading !== null || !this.fetch || this.total === null || this.error) return;
    const want = this.wanted();
    const next = want.find((p) => !this.pages.has(p));
    if (next === undefined) return;
    const offset = next * this.opts.pageRows;
    const limit = Math.min(this.opts.pageRows, this.total - offset);
    if (limit <= 0) return;
    this.loading = next;
    this.fetches++;
    this.fetch(offset, limit).then(
      (table) => {
        if (this.closed) return;
        this.pages.set(next, table);
        this.evict();
        this.dropPreview();
      },
      (e: unknown) => {
        if (this.closed) return;
        if (e instanceof Error && e.name === 'QueryCancelled') this.close();
        else this.error = e;
      },
    ).finally(() => {
      this.loading = null;
      if (this.closed) return;
      this.opts.onchange();
      this.pump();
    });
  }

  private evict(): void {
    const keep = new Set(this.wanted());
    const mid = (this.first + this.last) / 2 / this.opts.pageRows;
    const far = [...this.pages.keys()].filter((p) => !keep.has(p)).sort((x, y) => Math.abs(y - mid) - Math.abs(x - mid));
    let bytes = this.heldBytes;
    for (const p of far) {
      if (this.pages.size <= this.opts.maxPages && bytes <= this.opts.maxBytes) break;
      bytes -= tableBytes(this.pages.get(p)!);
      this.pages.delete(p);
    }
  }

  /** Once the source can be read, the preview goes as soon as the rows on screen come from it. */
  private dropPreview(): void {
    if (!this.preview || !this.fetch) return;
    const P = this.opts.pageRows;
    const a = Math.floor(this.first / P);
    const b = Math.floor(Math.max(this.first, this.last - 1) / P);
    for (let p = a; p <= b && p * P < this.rowCount; p++) if (!this.pages.has(p)) return;
    this.preview = null;
  }
}
