// The catalog's SQL on the seeds and a report built to fail, on both engines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/core/schema.ts';
import { CATALOG_BASE_SQL, DEFAULT_SORT, facetCountsSql, hitsSql, listSql, searchTerms, selectionSql, type Facets } from '../../src/sql/catalogSql.ts';
import { createTableSql } from '../../src/sql/ddlSql.ts';
import { FAILING_TITLE, writeFailingReport } from '../fixtures/failingReport.ts';
import { ENGINE_NAMES, openEngine } from '../helpers/engines.ts';
import { openSeedEngine, removeSeedBuilds, type SeedEngine } from '../helpers/seedEngines.ts';

let extra: string;
beforeAll(async () => {
  extra = await mkdtemp(join(tmpdir(), 'wb-failing-'));
  await writeFailingReport(extra);
});
afterAll(async () => {
  await removeSeedBuilds();
  if (extra) await rm(extra, { recursive: true, force: true });
});

describe.each(ENGINE_NAMES)('catalog SQL on the seeds and a report built to fail (%s)', (engine) => {
  let seeds: SeedEngine;
  const all = (sql: string) => seeds.run(sql);

  /** Applies a filter the way the Catalog does and returns the selected titles. */
  async function select(facets: Facets, q = ''): Promise<string[]> {
    const terms = searchTerms(q);
    if (terms.length) await seeds.run(hitsSql(terms, true));
    await seeds.run(selectionSql(facets, terms.length > 0));
    return (await all(listSql(DEFAULT_SORT))).map((r) => String(r.title));
  }

  beforeAll(async () => {
    seeds = await openSeedEngine(engine, [extra]);
    await seeds.run(CATALOG_BASE_SQL);
  });
  afterAll(async () => seeds?.dispose());

  it('selects every report without a filter, newest year first', async () => {
    const titles = await select({});
    expect(titles).toHaveLength(6);
    expect(titles.slice(0, 3).every((t) => t.includes('2021'))).toBe(true);
  });

  it('narrows by year, check status, and NULL regions (shown as unknown)', async () => {
    expect(await select({ year: ['2021'] })).toHaveLength(3);
    expect(await select({ year: ['2021'], check_status: ['errors'] })).toEqual([FAILING_TITLE]);
    expect(await select({ year: ['2020', '2021'] })).toHaveLength(6);
    const nullProvinces = (await all('SELECT count(*) AS n FROM reports WHERE province IS NULL'))[0]!.n;
    expect(await select({ province: [null] })).toHaveLength(Number(nullProvinces));
    expect(await select({ province: ['不存在的省'] })).toEqual([]);
    expect(await select({ format: ["gov'2021"] })).toEqual([]); // quotes are escaped, not executed
  });

  it('counts each facet under the other facets only', async () => {
    await seeds.run(selectionSql({}, false));
    const rows = await all(facetCountsSql({ year: ['2021'], check_status: ['errors'] }, false));
    const n = (dim: string, v: string | null) => Number(rows.find((r) => r.dim === dim && r.v === v)?.n ?? 0);
    // the year facet ignores its own selection: both years keep their counts under check_status = errors
    expect(n('year', '2021')).toBe(1);
    expect(n('year', '2020')).toBe(0);
    expect(n('check_status', 'errors')).toBe(1);
    expect(n('check_status', 'pass')).toBeGreaterThan(0);
    expect(n('format', 'gov_2021')).toBe(1);
  });

  it('finds reports by a Chinese phrase from the body, by title, and with all terms', async () => {
    expect(await select({}, '政策兑现')).toEqual(['湖里区行政审批管理局2020年工作总结']);
    expect(await select({}, '江岸区')).toEqual([FAILING_TITLE]);
    expect(await select({}, '政府信息公开 不存在的短语')).toEqual([]);
    expect((await select({ year: ['2021'] }, '硚口区')).length).toBe(2); // seed 003 and its copy, by body text
  });

  it('escapes LIKE wildcards and matches Latin letters without case', async () => {
    // a database of its own (one DuckDB-WASM database at a time per file: the seeds' is closed first)
    await seeds.dispose();
    const conn = await openEngine(engine);
    for (const t of TABLES) await conn.run(createTableSql(t));
    await conn.run(`INSERT INTO reports (report_id, title) VALUES ('a', 'ICP 备案'), ('b', 'x_y'), ('c', 'xay 100%')`);
    await conn.run(`INSERT INTO texts VALUES ('a', 'nothing'), ('b', 'nothing'), ('c', 'nothing')`);
    const hits = async (q: string) => {
      await conn.run(hitsSql(searchTerms(q), true));
      return (await conn.run('SELECT report_id FROM catalog_hits ORDER BY 1')).map((r) => r.report_id);
    };
    expect(await hits('icp')).toEqual(['a']);
    expect(await hits('x_y')).toEqual(['b']);
    expect(await hits('100%')).toEqual(['c']);
    expect(await hits("it's")).toEqual([]);
    conn.close();
    seeds = await openSeedEngine(engine, [extra]);
    await seeds.run(CATALOG_BASE_SQL);
  });

  it('sorts by failed checks and by title', async () => {
    await seeds.run(selectionSql({}, false));
    const byFailed = await all(listSql({ key: 'failed', desc: true }));
    expect(byFailed[0]!.title).toBe(FAILING_TITLE);
    const byTitle = (await all(listSql({ key: 'title', desc: false }))).map((r) => String(r.title));
    expect(byTitle).toEqual([...byTitle].sort());
  });
});

