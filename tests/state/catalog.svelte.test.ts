import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { Catalog } from '../../src/state/catalog.svelte.ts';
import { FakeReader, settle } from './fakes.ts';

const counts = (v: string, n: number) => tableFromArrays({ dim: ['year'], v: [v], n: Float64Array.of(n) });
const list = (title: string) => tableFromArrays({ report_id: ['r'], title: [title] });

/** The base table and the selection answer at once; counts, hits and the list wait for the test. */
async function loaded() {
  const reader = new FakeReader([
    [/catalog_base AS|TABLE selection AS/, () => tableFromArrays({ Count: [1] })],
    [/^SELECT count\(\*\) AS n FROM catalog_base$/, () => tableFromArrays({ n: [6] })],
  ]);
  const catalog = new Catalog(() => reader);
  const load = catalog.load();
  await settle();
  reader.reads.last("AS dim").resolve(counts('2021', 6));
  await settle();
  reader.reads.last('ORDER BY').resolve(list('all'));
  await load;
  return { reader, catalog };
}

describe('Catalog(reader)', () => {
  test('load() builds the base table, counts and lists', async () => {
    const { catalog } = await loaded();
    expect(catalog.total).toBe(6);
    expect(catalog.counts.year).toEqual([{ value: '2021', n: 6 }]);
    expect(catalog.list?.getChild('title')?.get(0)).toBe('all');
    expect(catalog.busy).toBe(false);
  });

  test('a search superseded before it starts never runs: only the newest one reads the texts', async () => {
    const { reader, catalog } = await loaded();
    catalog.search('甲');
    catalog.search('乙');
    await settle();
    expect(reader.reads.sqls().some((s) => s.includes('甲'))).toBe(false);
    reader.reads.last('乙').resolve(tableFromArrays({ Count: [1] }));
    await settle();
    reader.reads.last('AS dim').resolve(counts('2020', 1));
    await settle();
    reader.reads.last('ORDER BY').resolve(list('乙 report'));
    await settle();
    expect(catalog.shownQ).toBe('乙');
    expect(catalog.counts.year).toEqual([{ value: '2020', n: 1 }]);
    expect(catalog.busy).toBe(false);
  });

  test('a refresh superseded while it runs leaves its counts unshown; the newer one shows its own', async () => {
    const { reader, catalog } = await loaded();
    const first = catalog.refresh();
    await settle();
    const firstCounts = reader.reads.last('AS dim');
    catalog.toggle('year', '2020');
    firstCounts.resolve(counts('old', 99));
    await first;
    expect(catalog.counts.year).toEqual([{ value: '2021', n: 6 }]);
    await settle();
    reader.reads.last('AS dim').resolve(counts('2020', 1));
    await settle();
    reader.reads.last('ORDER BY').resolve(list('2020 only'));
    await settle();
    expect(catalog.counts.year).toEqual([{ value: '2020', n: 1 }]);
    expect(catalog.list?.getChild('title')?.get(0)).toBe('2020 only');
  });

  test('a failed refresh shows its error and keeps the last counts', async () => {
    const { reader, catalog } = await loaded();
    const r = catalog.refresh();
    await settle();
    reader.reads.last('AS dim').reject(new Error('Binder Error: boom'));
    await r;
    expect(catalog.error).toMatch(/boom/);
    expect(catalog.counts.year).toEqual([{ value: '2021', n: 6 }]);
  });
});
