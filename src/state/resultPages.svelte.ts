import type { Schema } from 'apache-arrow';
import type { QueryResult } from '../db/connectors.ts';
import { isCancelled, messageOf } from '../db/errors.ts';
import { MAX_PAGE_BYTES, MAX_PAGES, PAGE_ROWS } from '../db/limits.ts';
import { PageWindow, type RowRef } from './pageWindow.ts';

/**
 * complete: every row was read with the query · counting: the first rows are shown, DuckDB counts (and keeps) the
 * rest · paged: the total is known and any row can be read · counted: the total is known but the statement was not
 * re-run, so only the first rows can be shown · cancelled: the user stopped the counting · failed: counting or a
 * page read failed
 */
export type PagingStatus = 'complete' | 'counting' | 'paged' | 'counted' | 'cancelled' | 'failed';

/** The rows of the user's result the grid shows, read page by page from DuckDB when the result is big. */
export class ResultPages {
  #status = $state<PagingStatus>('complete');
  /** exact number of rows of the result, once known */
  #total = $state<number | null>(null);
  #error = $state<string | null>(null);
  /** rows on screen, [first, last) */
  #shown = $state.raw<{ first: number; last: number }>({ first: 0, last: 0 });
  /** bumped whenever a page arrives or goes: what reads rows depends on it */
  #version = $state(0);
  readonly schema: Schema;
  /** rows read with the query */
  readonly firstRows: number;
  private readonly window: PageWindow;

  constructor(result: QueryResult) {
    this.schema = result.table.schema;
    this.firstRows = result.table.numRows;
    this.window = new PageWindow(result.table, {
      pageRows: PAGE_ROWS,
      maxPages: MAX_PAGES,
      maxBytes: MAX_PAGE_BYTES,
      onchange: () => {
        if (this.window.error && this.#status !== 'failed') {
          this.#status = 'failed';
          this.#error = errorText(this.window.error);
        }
        this.#version++;
      },
    });
    const more = result.more;
    if (!more) {
      this.#total = result.table.numRows;
      return;
    }
    this.#status = 'counting';
    more.size.then(
      (size) => {
        this.#total = size.total;
        this.#status = size.pageable ? 'paged' : 'counted';
        this.window.ready(size.total, size.pageable ? more.fetchRows : null);
      },
      (e: unknown) => {
        const cancelled = isCancelled(e);
        this.#status = cancelled ? 'cancelled' : 'failed';
        if (!cancelled) this.#error = errorText(e);
      },
    );
  }

  get status(): PagingStatus {
    return this.#status;
  }
  get total(): number | null {
    return this.#total;
  }
  get error(): string | null {
    return this.#error;
  }
  get shown(): { first: number; last: number } {
    return this.#shown;
  }

  /** Rows the grid scrolls through. */
  get rowCount(): number {
    void this.#version;
    return this.window.rowCount;
  }

  /** The row's table and index, or null while its page loads. */
  rowAt(row: number): RowRef | null {
    void this.#version;
    return this.window.locate(row);
  }

  show(first: number, last: number): void {
    if (first !== this.#shown.first || last !== this.#shown.last) this.#shown = { first, last };
    this.window.show(first, last);
  }

  close(): void {
    this.window.close();
  }
}

const errorText = messageOf;
