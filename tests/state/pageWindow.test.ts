import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { PageWindow, tableBytes, type PageWindowOptions } from '../../src/state/pageWindow.ts';

const rowsFrom = (offset: number, n: number): Table =>
  tableFromArrays({ i: Float64Array.from({ length: n }, (_, k) => offset + k) });

/** A source of `total` rows whose reads resolve when the test says so. */
function source(total: number) {
  const calls: { offset: number; limit: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<Table>((res, rej) => {
      expect(offset + limit).toBeLessThanOrEqual(total);
      calls.push({ offset, limit, resolve: () => res(rowsFrom(offset, limit)), reject: rej });
    });
  return { fetch, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const value = (w: PageWindow, row: number) => {
  const ref = w.locate(row);
  return ref ? ref.table.getChildAt(0)!.get(ref.index) : null;
};

function windowOf(preview: Table, opts: Partial<PageWindowOptions> = {}) {
  let changes = 0;
  const w = new PageWindow(preview, { pageRows: 100, maxPages: 4, maxBytes: 1 << 30, onchange: () => changes++, ...opts });
  return { w, changes: () => changes };
}

describe('PageWindow', () => {
  test('shows the preview rows before the count, then every row from the source', async () => {
    const { w } = windowOf(rowsFrom(0, 250));
    expect(w.rowCount).toBe(250);
    expect(value(w, 249)).toBe(249);
    expect(value(w, 250)).toBeNull();
    const src = source(1_000_000);
    w.show(0, 30);
    w.ready(1_000_000, src.fetch);
    expect(w.rowCount).toBe(1_000_000);
    // the preview stands in for page 0 while it is read again from the source
    expect(src.calls.map((c) => c.offset)).toEqual([0]);
    expect(value(w, 5)).toBe(5);
    src.calls[0]!.resolve();
    await tick();
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100]); // then the next page, to scroll into
    expect(w.locate(5)!.table.numRows).toBe(100); // the page, no longer the preview
  });

  test('reads the last page of a 5,000,000-row result with its exact length', async () => {
    const { w } = windowOf(rowsFrom(0, 100));
    const src = source(5_000_000);
    w.ready(5_000_000, src.fetch);
    w.show(4_999_980, 5_000_000);
    // the read of page 0 started before the jump; the next one is the last page, 100 rows long
    src.calls[0]!.resolve();
    await tick();
    expect(src.calls.slice(1).map((c) => [c.offset, c.limit])).toEqual([[4_999_900, 100]]);
    src.calls[1]!.resolve();
    await tick();
    expect(value(w, 4_999_999)).toBe(4_999_999);
    expect(value(w, 4_999_899)).toBeNull(); // the page before is read next, to scroll into
    expect(src.calls.at(-1)!.offset).toBe(4_999_800);
  });

  test('holds at most maxPages pages, dropping those farthest from the screen', async () => {
    const { w } = windowOf(rowsFrom(0, 100), { maxPages: 4 });
    const src = source(1_000_000);
    w.ready(1_000_000, src.fetch);
    for (let start = 0; start < 200_000; start += 10_000) {
      w.show(start, start + 30);
      for (let n = 0; n < 3; n++) {
        src.calls.at(-1)!.resolve();
        await tick();
      }
      expect(w.heldPages).toBeLessThanOrEqual(4);
    }
    // the screen's page and its neighbours are there; the pages of the start are gone
    expect(value(w, 190_010)).toBe(190_010);
    expect(value(w, 5)).toBeNull();
  });

  test('holds at most maxBytes of pages', async () => {
    const pageBytes = tableBytes(rowsFrom(0, 100));
    const { w } = windowOf(rowsFrom(0, 100), { maxPages: 100, maxBytes: pageBytes * 3 });
    const src = source(100_000);
    w.ready(100_000, src.fetch);
    for (let start = 0; start < 50_000; start += 1_000) {
      w.show(start, start + 30);
      while (w.pending) {
        src.calls.at(-1)!.resolve();
        await tick();
      }
      expect(w.heldBytes).toBeLessThanOrEqual(pageBytes * 3);
    }
  });

  test('reads one page at a time, and only what is on screen when the read ends', async () => {
    const { w } = windowOf(rowsFrom(0, 100));
    const src = source(1_000_000);
    w.ready(1_000_000, src.fetch);
    for (let r = 0; r < 500_000; r += 5_000) w.show(r, r + 30); // a fast drag of the scrollbar
    expect(src.calls).toHaveLength(1);
    src.calls[0]!.resolve();
    await tick();
    expect(src.calls[1]!.offset).toBe(495_000);
  });

  test('a closed (superseded) window reads nothing more and ignores a late page', async () => {
    const { w, changes } = windowOf(rowsFrom(0, 100));
    const src = source(1_000_000);
    w.ready(1_000_000, src.fetch);
    w.show(50_000, 50_030);
    const before = changes();
    w.close();
    src.calls[0]!.resolve();
    await tick();
    w.show(60_000, 60_030);
    expect(src.calls).toHaveLength(1);
    expect(w.heldPages).toBe(0);
    expect(changes()).toBe(before);
  });

  test('a read rejected as cancelled (a newer query) closes the window quietly', async () => {
    const { w } = windowOf(rowsFrom(0, 100));
    const src = source(1_000_000);
    w.ready(1_000_000, src.fetch);
    w.show(50_000, 50_030);
    src.calls[0]!.reject(Object.assign(new Error('cancelled'), { name: 'QueryCancelled' }));
    await tick();
    expect(w.error).toBeNull();
    w.show(70_000, 70_030);
    expect(src.calls).toHaveLength(1);
  });

  test('a failed read is kept as the error and stops reading', async () => {
    const { w } = windowOf(rowsFrom(0, 100));
    const src = source(1_000_000);
    w.ready(1_000_000, src.fetch);
    w.show(50_000, 50_030);
    src.calls[0]!.reject(new Error('Out of Memory Error'));
    await tick();
    expect((w.error as Error).message).toBe('Out of Memory Error');
    w.show(70_000, 70_030);
    expect(src.calls).toHaveLength(1);
  });

  test('a result that cannot be read again shows only its first rows, whatever its count', () => {
    const { w } = windowOf(rowsFrom(0, 100));
    w.ready(5_000_000, null);
    expect(w.rowCount).toBe(100);
    w.show(90, 100);
    expect(value(w, 99)).toBe(99);
  });
});
