// Downloads in every format read back in Node, links that reopen the view, history and saved queries.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_OPTIONS } from '../../src/pipeline/openDuckDB.ts';
import { type OpenedPage, openPage, PROJECT_ROOT, type RunningApp, runSql, screenshot, setSql, startApp, waitReady, openWorkbench } from './harness/index.ts';
import { decodeView } from '../../src/state/urlCodec.ts';

const POLL = { timeout: 60_000 };
const CELLS_PARQUET = path.join(PROJECT_ROOT, 'public/data/cells.parquet');
const TRICKY = '=HYPERLINK("x"), 第二行\n"引号"';

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;
let page: Page;
let duck: DuckDBConnection;
let tmp: string;




async function saved(d: Download): Promise<Buffer> {
  return readFile((await d.path())!);
}

/** Opens the dialog on a whole table (or the current query), picks a format, downloads. */
async function downloadFrom(opts: { table?: string; format: string; guard?: boolean; selection?: boolean }): Promise<{ file: Buffer; name: string; shownRows: number }> {
  await page.getByTestId('download-more').click();
  await page.waitForSelector('[data-testid="download-dialog"]');
  if (opts.selection) await page.getByTestId('dl-source-selection').check();
  else if (opts.table) await page.getByTestId('dl-source-table').check();
  if (opts.table) await page.getByTestId('dl-table').selectOption(opts.table);
  await page.getByTestId(`dl-format-${opts.format}`).check();
  if (opts.guard === false) await page.getByTestId('dl-guard').uncheck();
  await page.waitForSelector('[data-testid="dl-rows"]', POLL);
  await page.waitForSelector('[data-testid="dl-size"], [data-testid="dl-error"]', POLL);
  expect(await page.getByTestId('dl-error').count(), await page.getByTestId('download-dialog').innerText()).toBe(0);
  const shownRows = Number(await page.getByTestId('dl-rows').getAttribute('data-rows'));
  const [download] = await Promise.all([page.waitForEvent('download', POLL), page.getByTestId('dl-start').click()]);
  await page.waitForSelector('[data-testid="dl-done"]', POLL);
  const name = download.suggestedFilename();
  const file = await saved(download);
  await page.getByTestId('dl-close').click();
  return { file, name, shownRows };
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Column names and DuckDB types of the cells table as the app loads it. */
async function cellsColumns(): Promise<{ name: string; type: string }[]> {
  const r = await rows(`DESCRIBE SELECT * FROM '${CELLS_PARQUET}'`);
  return r.map((c) => ({ name: String(c.column_name), type: String(c.column_type) }));
}

/** Both relations hold the same multiset of rows. */
async function expectSameRows(a: string, b: string): Promise<void> {
  const diff = await rows(`SELECT (SELECT count(*) FROM (${a} EXCEPT ALL ${b})) AS ab, (SELECT count(*) FROM (${b} EXCEPT ALL ${a})) AS ba,
    (SELECT count(*) FROM (${a})) AS na, (SELECT count(*) FROM (${b})) AS nb`);
  expect(diff[0]).toMatchObject({ ab: 0n, ba: 0n });
  expect(diff[0]!.na).toBe(diff[0]!.nb);
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'wb-share-'));
  const instance = await DuckDBInstance.create(':memory:', { ...OFFLINE_OPTIONS });
  duck = await instance.connect();
  app = await startApp();
  ({ browser, opened, page, close } = await openWorkbench(app));
  await page.getByTestId('nav-sql').click();
  await page.waitForSelector('.cm-content');
});

afterAll(async () => {
  duck?.closeSync();
  await close?.();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('downloads round-trip the seeds’ cells table', () => {
  const native = `SELECT * FROM '${CELLS_PARQUET}'`;

  it('Parquet (ZSTD), read back with native DuckDB', async () => {
    const { file, name, shownRows } = await downloadFrom({ table: 'cells', format: 'parquet' });
    expect(name).toMatch(/^政务公开年报_cells_\d{8}-\d{4}\.parquet$/);
    const f = path.join(tmp, 'cells.parquet');
    await writeFile(f, file);
    const codecs = await rows(`SELECT DISTINCT compression FROM parquet_metadata('${f}')`);
    expect(codecs.map((c) => c.compression)).toEqual(['ZSTD']);
    expect(shownRows).toBe(Number((await rows(`SELECT count(*) AS n FROM ${native.slice(14)}`))[0]!.n));
    await expectSameRows(native, `SELECT * FROM '${f}'`);
    const types = await rows(`DESCRIBE SELECT * FROM '${f}'`);
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual((await cellsColumns()).map((c) => [c.name, c.type]));
  });

  it('JSON, read back with native DuckDB', async () => {
    const { file, name } = await downloadFrom({ table: 'cells', format: 'json' });
    expect(name).toMatch(/\.json$/);
    const f = path.join(tmp, 'cells.json');
    await writeFile(f, file);
    expect(Array.isArray(JSON.parse(file.toString('utf8')))).toBe(true);
    const cols = (await cellsColumns()).map((c) => `'${c.name}': '${c.type}'`).join(', ');
    await expectSameRows(native, `SELECT * FROM read_json('${f}', columns = {${cols}})`);
  });

  it('CSV without the formula guard: BOM, every value and null exactly', async () => {
    const { file } = await downloadFrom({ table: 'cells', format: 'csv', guard: false });
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(file.subarray(3)) as string[][];
    const expected = await rows(`${native}`);
    const header = Object.keys(expected[0]!);
    expect(parsed[0]).toEqual(header);
    expect(parsed).toHaveLength(expected.length + 1);
    const key = (r: string[]) => r.join('\u0001');
    const want = expected.map((r) => key(header.map((h) => cellText(r[h]))));
    expect(parsed.slice(1).map(key).sort()).toEqual(want.sort());
    expect(file.toString('utf8')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('TSV, parsed with a tab delimiter', async () => {
    const { file, name } = await downloadFrom({ table: 'cells', format: 'tsv', guard: false });
    expect(name).toMatch(/\.tsv$/);
    const parsed = parse(file.subarray(3), { delimiter: '\t' }) as string[][];
    expect(parsed).toHaveLength((await rows(native)).length + 1);
  });

  it('XLSX, read back with read-excel-file: Chinese sheet name, numbers, nulls, text', async () => {
    const { file, name } = await downloadFrom({ table: 'cells', format: 'xlsx' });
    expect(name).toMatch(/\.xlsx$/);
    const f = path.join(tmp, 'cells.xlsx');
    await writeFile(f, file);
    const [sheet] = await readXlsxFile(f);
    expect(sheet!.sheet).toBe('cells');
    const expected = await rows(native);
    const header = Object.keys(expected[0]!);
    expect(sheet!.data[0]).toEqual(header);
    const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : v);
    const key = (r: unknown[]) => JSON.stringify(r.map(norm));
    const got = sheet!.data.slice(1).map(key).sort();
    expect(got).toEqual(expected.map((r) => key(header.map((h) => r[h]))).sort());
  });
});

describe('download options and sources', () => {
  it('CSV quotes a comma, newline, quote and guards a leading = by default (one click, all rows)', async () => {
    await runSql(page, `SELECT '${TRICKY.replaceAll("'", "''").replace('\n', "' || chr(10) || '")}' AS 文本, -1 AS n, '湖北省' AS 省份`);
    const [download] = await Promise.all([page.waitForEvent('download', POLL), page.getByTestId('download-csv').click()]);
    const file = await saved(download);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(file.subarray(3)) as string[][];
    expect(parsed).toEqual([['文本', 'n', '省份'], [`'${TRICKY}`, '-1', '湖北省']]);
    // the same as the grid shows, apart from the guard
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').nth(2).textContent()).toBe('湖北省');
    // a one-click download closes its dialog once the file is saved
    await page.waitForSelector('[data-testid="download-dialog"]', { state: 'detached' });
  });

  it('re-runs the query for all rows, past the grid’s cap', async () => {
    await runSql(page, 'SELECT i, i * 2 AS j FROM range(250000) t(i)');
    expect(await page.getByTestId('result-rows').textContent()).toBe('250,000 行');
    const { file, shownRows } = await downloadFrom({ format: 'csv' });
    expect(shownRows).toBe(250_000);
    expect(file.toString('utf8').trimEnd().split('\r\n')).toHaveLength(250_001);
  });

  it('keeps 64-bit integers exact in JSON and Parquet', async () => {
    await runSql(page, 'SELECT 9007199254740993::BIGINT AS big, -9223372036854775807::BIGINT AS small, NULL::BIGINT AS none');
    const json = await downloadFrom({ format: 'json' });
    expect(json.file.toString('utf8')).toContain('"big":9007199254740993');
    const pq = await downloadFrom({ format: 'parquet' });
    const f = path.join(tmp, 'big.parquet');
    await writeFile(f, pq.file);
    const r = await rows(`SELECT big::VARCHAR AS big, small::VARCHAR AS small, none, typeof(big) AS t FROM '${f}'`);
    expect(r).toEqual([{ big: '9007199254740993', small: '-9223372036854775807', none: null, t: 'BIGINT' }]);
  });

  it('downloads the catalog selection’s rows of a chosen table', async () => {
    await page.getByTestId('nav-reports').click();
    await page.locator('[data-testid="facet-year"] input[data-value="2021"]').click();
    await expect.poll(() => page.getByTestId('catalog-row').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('nav-sql').click();
    const { file, name, shownRows } = await downloadFrom({ selection: true, table: 'cells', format: 'csv', guard: false });
    expect(name).toMatch(/^政务公开年报_cells_选中报告_/);
    const want = await rows(
      `SELECT count(*) AS n FROM '${CELLS_PARQUET}' WHERE report_id IN (SELECT report_id FROM '${path.join(PROJECT_ROOT, 'public/data/reports.parquet')}' WHERE report_year = 2021)`,
    );
    expect(shownRows).toBe(Number(want[0]!.n));
    expect(parse(file.subarray(3))).toHaveLength(shownRows + 1);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    await page.getByTestId('nav-sql').click();
  });

  it('writes a million-row CSV in chunks with progress while the page stays responsive', async () => {
    await runSql(page, "SELECT i, '第 ' || i || ' 行, \"q\"' AS label FROM range(1000000) t(i)");
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __progress: number[] };
      w.__longTasks = [];
      w.__progress = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="dl-progress"]');
        const n = Number(el?.getAttribute('data-rows'));
        if (el && n !== w.__progress.at(-1)) w.__progress.push(n);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rows'] });
    });
    const downloadP = page.waitForEvent('download', { timeout: 300_000 });
    await page.getByTestId('download-csv').click();
    // the page answers while the download runs
    await page.waitForSelector('[data-testid="dl-progress"]');
    await expect.poll(() => page.getByTestId('dl-rows').getAttribute('data-rows'), POLL).toBe('1000000');
    await screenshot(page, 'share-download-progress');
    const pings: boolean[] = [];
    while (await page.getByTestId('dl-progress').count()) pings.push(await page.evaluate(() => true));
    const file = await saved(await downloadP);
    const stats = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __progress: number[] };
      return { longTasks: w.__longTasks.length, longestMs: Math.max(0, ...w.__longTasks), progress: w.__progress };
    });
    console.log(`1M-row CSV: ${file.length} bytes, ${stats.progress.length} progress updates, ${stats.longTasks} long tasks (longest ${Math.round(stats.longestMs)} ms), ${pings.length} pings answered`);
    expect(pings.length).toBeGreaterThan(0);
    expect(stats.progress.length).toBeGreaterThan(3);
    expect(stats.progress).toEqual([...stats.progress].sort((a, b) => a - b));
    expect(stats.progress.at(-1)).toBeGreaterThan(500_000);
    const text = file.toString('utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1_000_001);
    expect(lines[1]).toBe('0,"第 0 行, ""q"""');
    expect(lines.at(-1)).toBe('999999,"第 999999 行, ""q"""');
    await page.waitForSelector('[data-testid="download-dialog"]', { state: 'detached' });
  });

  it('cancels a running download and keeps working', async () => {
    await runSql(page, 'SELECT i, repeat(\'x\', 50) AS pad FROM range(3000000) t(i)');
    await page.getByTestId('download-more').click();
    await page.waitForSelector('[data-testid="dl-rows"]', POLL);
    await page.getByTestId('dl-start').click();
    await page.waitForSelector('[data-testid="dl-progress"]');
    await page.getByTestId('dl-cancel').click();
    await page.waitForSelector('[data-testid="dl-start"]', POLL);
    expect(await page.getByTestId('dl-error').count()).toBe(0);
    await page.getByTestId('dl-close').click();
    await runSql(page, 'SELECT 42 AS answer');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('42');
  });
});

describe('links reopen the view', () => {
  it('panel, language, long SQL and a registered part survive a fresh browser profile', async () => {
    const part = (t: string) => `SELECT r.organ, r.report_year, '${t}' AS 表, sum(c.value) AS 数量\nFROM cells c JOIN reports r USING (report_id)\nWHERE c.table_id = '${t}'\nGROUP BY ALL\n`;
    const sql = `-- 各机关各年度的数量\n${['applications', 'review_litigation', 'active_disclosure', 'x'].map(part).join('UNION ALL\n')}ORDER BY 1, 2, 3`;
    await runSql(page, sql);
    await page.evaluate(() => {
      const w = window as unknown as { __workbench: { url: { register(p: unknown): void; schedule(): void } }; __testPart: { value: unknown } };
      const state = { value: 'not restored' as unknown };
      w.__testPart = state;
      w.__workbench.url.register({ key: 'test', snapshot: () => state.value, restore: (v: unknown) => (state.value = v) });
      // restored from a URL without it: at its default
      if (state.value !== undefined) throw new Error(`restore(undefined) expected, got ${JSON.stringify(state.value)}`);
      state.value = { facets: { 省份: ['湖北省'], year: [2021] } };
      w.__workbench.url.schedule();
    });
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.url(), POLL).toMatch(/lang=en/);
    await expect.poll(() => page.url(), POLL).toMatch(/[?&]test=/);
    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toBe(page.url());
    expect(link).toMatch(/[?&]sql=~/); // compressed
    expect(link.length).toBeLessThan(1500);
    await screenshot(page, 'share-menu');
    await page.getByTestId('share-open').click();

    const fresh = await openPage(browser, link);
    try {
      await waitReady(fresh.page);
      expect(await fresh.page.getAttribute('html', 'lang')).toBe('en');
      expect(await fresh.page.getByTestId('nav-sql').getAttribute('aria-current')).toBe('page');
      await fresh.page.waitForSelector('.cm-content');
      await expect.poll(() => fresh.page.locator('.cm-content').innerText(), POLL).toBe(sql);
      await fresh.page.waitForSelector('[data-testid="result-rows"]', POLL);
      expect(await fresh.page.getByTestId('result-rows').textContent()).toBe(await page.getByTestId('result-rows').textContent());
      const restored = await fresh.page.evaluate(() => {
        const w = window as unknown as { __workbench: { url: { register(p: unknown): void } } };
        let got: unknown = 'not restored';
        w.__workbench.url.register({ key: 'test', snapshot: () => got, restore: (v: unknown) => (got = v) });
        return got;
      });
      expect(restored).toEqual({ facets: { 省份: ['湖北省'], year: [2021] } });
      expect(fresh.foreignRequests()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('Back returns to the previous panel', async () => {
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.url(), POLL).toMatch(/panel=reports/);
    await page.goBack();
    await expect.poll(() => page.getByTestId('nav-sql').getAttribute('aria-current'), POLL).toBe('page');
    await page.getByTestId('lang-toggle').click(); // back to Chinese for the tests below
    await expect.poll(() => page.url(), POLL).not.toMatch(/lang=en/);
  });

  it('the catalog’s facets and search, the open report and the chart survive a fresh browser profile', async () => {
    await page.getByTestId('nav-reports').click();
    await page.locator('[data-testid="facet-year"] input[data-value="2021"]').click();
    await page.getByTestId('catalog-search').fill('依申请');
    await page.getByTestId('catalog-search').press('Enter');
    // the facet alone already gives a matching count: wait for the counts of the search
    const counted = page.locator('[data-testid="catalog-count"][aria-busy="false"][data-q="依申请"]');
    await expect.poll(() => counted.count(), POLL).toBe(1);
    await expect.poll(() => page.getByTestId('catalog-count').textContent(), POLL).toMatch(/^已选 [1-9]\d* \/ 5/);
    const count = await page.getByTestId('catalog-count').textContent();
    await page.getByTestId('catalog-row').first().locator('button').click();
    const title = await page.getByTestId('viewer-title').textContent();
    expect(title).toMatch(/年度报告/);
    await page.getByTestId('nav-chart').click();
    await page.getByTestId('chart-source').selectOption('table:checks');
    await page.getByTestId('chart-x').selectOption('rule_id');
    const parts = () => decodeView(new URL(page.url()).search).parts as Record<string, Record<string, unknown> | string | undefined>;
    await expect.poll(() => parts().chart, POLL).toMatchObject({ source: 'table:checks', x: 'rule_id' });
    expect(parts().catalog).toMatchObject({ q: '依申请' });
    expect(typeof parts().report).toBe('string');

    const fresh = await openPage(browser, page.url());
    try {
      const p2 = fresh.page;
      await waitReady(p2);
      expect(await p2.getByTestId('nav-chart').getAttribute('aria-current')).toBe('page');
      await expect.poll(() => p2.getByTestId('chart-source').inputValue(), POLL).toBe('table:checks');
      expect(await p2.getByTestId('chart-x').inputValue()).toBe('rule_id');
      await p2.getByTestId('nav-reports').click();
      await expect.poll(() => p2.getByTestId('catalog-count').textContent(), POLL).toBe(count);
      expect(await p2.getByTestId('catalog-search').inputValue()).toBe('依申请');
      expect(await p2.locator('[data-testid="facet-year"] input[data-value="2021"]').isChecked()).toBe(true);
      await p2.getByTestId('nav-report').click();
      await expect.poll(() => p2.getByTestId('viewer-title').textContent(), POLL).toBe(title);
      expect(fresh.foreignRequests()).toEqual([]);
    } finally {
      await fresh.close();
    }
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    await page.getByTestId('nav-sql').click();
  });

  it('past the safe length the user is told and offered a view file, which restores the view', async () => {
    const sql = `SELECT '${Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 65536).toString(36)).join('')}' AS noise`;
    await setSql(page, sql);
    await page.getByTestId('share-open').click();
    await page.waitForSelector('[data-testid="share-too-long"]', POLL);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-save-file').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const view = JSON.parse((await saved(download)).toString('utf8')) as { sql: string; panel: string };
    expect(view).toMatchObject({ sql, panel: 'sql' });
    await setSql(page, 'SELECT 1');
    const f = path.join(tmp, 'view.json');
    await writeFile(f, JSON.stringify(view));
    await page.getByTestId('share-file-input').setInputFiles(f);
    await expect.poll(() => page.locator('.cm-content').innerText(), POLL).toBe(sql);
    await setSql(page, 'SELECT 1');
  });
});

describe('query history and saved queries', () => {
  it('survive a reload; saved queries can be renamed, updated, deleted, exported and imported', async () => {
    await runSql(page, 'SELECT count(*) AS n FROM checks');
    await runSql(page, 'SELECT * FROM reports');
    // the link follows the editor after a short quiet time
    await expect.poll(() => page.url(), POLL).toMatch(/sql=SELECT%20\*%20FROM%20reports(&|$)/);
    await page.getByTestId('library-toggle').click();
    await page.getByTestId('lib-tab-saved').click();
    await page.getByTestId('lib-new-name').fill('全部报告');
    await page.getByTestId('lib-save').click();
    await page.waitForSelector('[data-testid="lib-saved-item"]');

    await page.reload();
    await waitReady(page);
    await page.waitForSelector('.cm-content');
    await page.getByTestId('library-toggle').click();
    await page.waitForSelector('[data-testid="lib-history-item"]');
    const first = page.getByTestId('lib-history-item').first();
    expect(await first.locator('code').textContent()).toBe('SELECT * FROM reports');
    expect(await first.getByTestId('lib-history-rows').textContent()).toMatch(/^5/);
    await page.getByTestId('lib-search').fill('CHECKS');
    await expect.poll(() => page.getByTestId('lib-history-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('lib-history-item').first().locator('code').textContent()).toBe('SELECT count(*) AS n FROM checks');
    await page.getByTestId('lib-search').fill('');

    await page.getByTestId('lib-tab-saved').click();
    expect(await page.getByTestId('lib-saved-name').allTextContents()).toEqual(['全部报告']);
    await page.getByTestId('lib-rename').click();
    await page.getByTestId('lib-edit-name').fill('报告一览');
    await page.getByTestId('lib-edit-ok').click();
    await setSql(page, 'SELECT title FROM reports');
    await page.getByTestId('lib-update-sql').click();
    expect(await page.getByTestId('lib-saved-item').locator('code').textContent()).toBe('SELECT title FROM reports');

    // the file name of a download says which saved query it is
    await page.getByTestId('lib-run').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="sql-cancel"]:not([disabled])'));
    await page.getByTestId('download-more').click();
    expect(await page.getByTestId('dl-filename').textContent()).toMatch(/^政务公开年报_报告一览_/);
    await page.getByTestId('dl-close').click();

    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lib-export').click()]);
    const file = path.join(tmp, 'saved.json');
    await writeFile(file, await saved(exported));
    await page.getByTestId('lib-delete').click();
    expect(await page.getByTestId('lib-saved-item').count()).toBe(0);
    await page.getByTestId('lib-import-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('lib-saved-name').allTextContents()).toEqual(['报告一览']);
    await screenshot(page, 'share-library');

    await page.reload();
    await waitReady(page);
    await page.getByTestId('library-toggle').click();
    await page.getByTestId('lib-tab-saved').click();
    expect(await page.getByTestId('lib-saved-name').allTextContents()).toEqual(['报告一览']);
  });

  it('reports a storage failure and keeps working', async () => {
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await runSql(page, 'SELECT 1 AS one');
    if (!(await page.getByTestId('query-library').count())) await page.getByTestId('library-toggle').click();
    await page.waitForSelector('[data-testid="lib-storage-error"]');
    await page.getByTestId('lib-tab-history').click();
    expect(await page.getByTestId('lib-history-item').first().locator('code').textContent()).toBe('SELECT 1 AS one');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('1');
  });

  it('made no request to another origin, no CSP violation, no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
