// A result of millions of rows: the grid pages through it from DuckDB, states the exact count, keeps the page
// responsive and its memory bounded, and the next query works.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runSql, screenshot, setSql, startApp, type WorkbenchSession } from './harness/index.ts';

const BIG = `SELECT i, i*2 AS j, 'r'||i AS s FROM range(5000000) t(i)`;
const POLL = { timeout: 60_000, interval: 100 };
/** JS heap of the page after a full GC, with the 5M-row result paged through end to end (measured ≈ 20 MB). */
const HEAP_BOUND_MB = 48;

let session: WorkbenchSession;
let page: Page;

beforeAll(async () => {
  session = await openWorkbench(await startApp());
  page = session.page;
  await page.getByTestId('nav-sql').click();
});

afterAll(async () => {
  await session?.close();
});

const rowsText = () => page.getByTestId('result-rows').textContent();
const status = () => page.getByTestId('result-rows').getAttribute('data-status');
/** cells of the grid row showing result row `n` (0-based), once loaded */
const rowCells = (n: number) =>
  page.locator(`[data-testid="results-grid"] [role="row"][aria-rowindex="${n + 2}"]:not([aria-busy]) [role="gridcell"]`).allTextContents();

async function heapMb(): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Frames painted since the counter was installed: the main thread is free to render. */
const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);

async function goToRow(n: number): Promise<void> {
  await page.getByTestId('page-goto').fill(String(n + 1));
  await page.getByTestId('page-goto').press('Enter');
  await expect.poll(() => rowCells(n), POLL).not.toEqual([]);
}

describe('a 5,000,000-row result', () => {
  it('shows its first rows at once, counts all of them, and the page stays usable meanwhile', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number };
      w.__frames = 0;
      const tick = () => {
        w.__frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await setSql(page, BIG);
    await page.getByTestId('sql-run').click();
    await page.waitForSelector('[data-testid="result-rows"]', POLL);
    expect(await rowCells(0)).toEqual(['0', '0', 'r0']);
    const statusWhileCounting = await status();
    const f0 = await frames();
    // another tab answers a click while DuckDB counts
    await page.getByTestId('nav-overview').click();
    await page.waitForSelector('[data-testid="overview-totals"]');
    await page.getByTestId('nav-sql').click();
    await expect.poll(rowsText, POLL).toBe('5,000,000 行');
    expect(await frames()).toBeGreaterThan(f0);
    expect(await status()).toBe('paged');
    console.log(`[paging] status when first rows appeared: ${statusWhileCounting}`);
    expect(['counting', 'paged']).toContain(statusWhileCounting);
    expect(await page.getByTestId('result-range').textContent()).toMatch(/^显示第 1–\d+ 行$/);
    await screenshot(page, 'paging-5m-top');
  });

  it('jumps to the last row and shows row 4,999,999', async () => {
    const f0 = await frames();
    await page.getByTestId('page-last').click();
    await expect.poll(() => rowCells(4_999_999), POLL).toEqual(['4999999', '9999998', 'r4999999']);
    expect(await frames()).toBeGreaterThan(f0);
    expect(await page.getByTestId('result-range').textContent()).toMatch(/–5,000,000 行$/);
    // columns widen to the long values down here: nothing is cut off with an ellipsis
    const cut = await page
      .locator('[data-testid="results-grid"] [role="row"][aria-rowindex="5000001"] [role="gridcell"]')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).length);
    expect(cut).toBe(0);
    await screenshot(page, 'paging-5m-end');
  });

  it('drags the scrollbar to the middle and to the end, and scrolls the wheel by rows, not thousands', async () => {
    const grid = page.getByTestId('results-grid');
    expect(await grid.getAttribute('data-scaled')).toBe('true');
    await grid.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await expect.poll(() => page.getByTestId('result-range').textContent(), POLL).toMatch(/^显示第 2,49\d,\d{3}–/);
    await grid.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => rowCells(0), POLL).toEqual(['0', '0', 'r0']);
    await grid.hover();
    await page.mouse.wheel(0, 28 * 10);
    await expect.poll(() => page.getByTestId('result-range').textContent(), POLL).toMatch(/^显示第 11–/);
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => rowCells(4_999_999), POLL).toEqual(['4999999', '9999998', 'r4999999']);
  });

  it('keeps the JS heap bounded after paging through the whole result', async () => {
    for (let k = 0; k <= 20; k++) await goToRow(Math.min(4_999_999, k * 250_000 + 1234));
    await goToRow(3_141_592);
    expect(await rowCells(3_141_592)).toEqual(['3141592', '6283184', 'r3141592']);
    const mb = await heapMb();
    console.log(`[paging] JS heap after paging through 5,000,000 rows: ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(HEAP_BOUND_MB);
    // the grid renders a screenful of rows, not the result
    expect(await page.locator('[data-testid="results-grid"] [role="row"]').count()).toBeLessThan(100);
  });

  it('a newer query that fails leaves it on screen, still paged', async () => {
    await runSql(page, 'SELECT 1/0::INTEGER + nope FROM range(3)');
    await page.waitForSelector('[data-testid="sql-error"]');
    // the error replaces the counts in the header; the big result stays below it, still pageable
    expect(await page.getByTestId('result-rows').count()).toBe(0);
    await goToRow(4_000_000);
    expect(await rowCells(4_000_000)).toEqual(['4000000', '8000000', 'r4000000']);
  });

  it('the next query replaces it: small result, no pager, first row on screen', async () => {
    await runSql(page, 'SELECT 42 AS answer');
    expect(await rowsText()).toBe('1 行');
    expect(await rowCells(0)).toEqual(['42']);
    expect(await page.getByTestId('pager').count()).toBe(0);
    expect(await page.getByTestId('results-grid').evaluate((el) => el.scrollTop)).toBe(0);
    // DuckDB let go of the 5,000,000 kept rows
    expect(await runAndFirst(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '__wb_result'`)).toEqual(['0']);
  });
});

describe('big results and other statements', () => {
  it('a newer query supersedes the counting and paging of an older one', async () => {
    await setSql(page, BIG);
    await page.getByTestId('sql-run').click();
    await page.waitForSelector('[data-testid="result-rows"]', POLL);
    await runSql(page, 'SELECT 7 AS seven');
    expect(await rowCells(0)).toEqual(['7']);
    expect(await rowsText()).toBe('1 行');
    await runSql(page, `SELECT i FROM range(300000) t(i) ORDER BY i DESC`);
    await expect.poll(rowsText, POLL).toBe('300,000 行');
    await goToRow(299_999);
    expect(await rowCells(299_999)).toEqual(['0']);
  });

  it('cancel stops the counting and keeps the first rows', async () => {
    await setSql(page, `SELECT i, md5(i::VARCHAR) AS h FROM range(10000000) t(i)`);
    await page.getByTestId('sql-run').click();
    await expect.poll(status, POLL).toBe('counting');
    await page.getByTestId('sql-cancel').click();
    await expect.poll(status, POLL).toBe('cancelled');
    expect(await rowsText()).toMatch(/^至少 [\d,]+ 行$/);
    expect(await rowCells(0)).toEqual(['0', 'cfcd208495d565ef66e7dff9f98764da']);
    expect(await runAndFirst('SELECT 5 AS five')).toEqual(['5']);
  });

  it('a statement with side effects is counted from its stream, never run again', async () => {
    await runSql(page, `CREATE OR REPLACE SEQUENCE paging_seq; SELECT nextval('paging_seq') AS v FROM range(300000)`);
    await expect.poll(rowsText, POLL).toBe('300,000 行');
    expect(await status()).toBe('counted');
    expect(await page.getByTestId('result-meta').textContent()).toContain('不会重新运行');
    await screenshot(page, 'paging-counted');
    // run twice, the sequence would stand at 600,000
    expect(await runAndFirst(`SELECT currval('paging_seq') AS c`)).toEqual(['300000']);
  });

  it('a statement that fails past its first rows keeps them and says why', async () => {
    await runSql(page, `SELECT CASE WHEN i < 250000 THEN i ELSE error('broke at ' || i) END AS v FROM range(300000) t(i)`);
    await expect.poll(status, POLL).toBe('failed');
    expect(await page.getByTestId('result-meta').textContent()).toMatch(/无法分页浏览[\s\S]*broke at 250000/);
    expect(await rowCells(0)).toEqual(['0']);
    expect(await runAndFirst('SELECT 6 AS six')).toEqual(['6']);
  });

  it('a newer query supersedes the counting of a statement that is not run again', async () => {
    await setSql(page, `CREATE OR REPLACE SEQUENCE paging_seq2; SELECT nextval('paging_seq2') AS v, md5(i::VARCHAR) FROM range(20000000) t(i)`);
    await page.getByTestId('sql-run').click();
    await expect.poll(status, POLL).toBe('counting');
    await runSql(page, 'SELECT 8 AS eight');
    expect(await rowCells(0)).toEqual(['8']);
    expect(await rowsText()).toBe('1 行');
  });

  it('fits a 390 px wide screen', async () => {
    await runSql(page, BIG);
    await expect.poll(rowsText, POLL).toBe('5,000,000 行');
    await page.setViewportSize({ width: 390, height: 800 });
    await goToRow(4_999_999);
    // the last row stays in view when the viewport changes
    await page.setViewportSize({ width: 390, height: 700 });
    const lastRowBelowGrid = async () => {
      const last = await page.locator('[data-testid="results-grid"] [role="row"][aria-rowindex="5000001"]').boundingBox();
      const grid = await page.getByTestId('results-grid').boundingBox();
      return last && grid ? last.y + last.height - (grid.y + grid.height) : Infinity;
    };
    await expect.poll(lastRowBelowGrid, POLL).toBeLessThanOrEqual(1);
    const pager = await page.getByTestId('pager').boundingBox();
    expect(pager!.x + pager!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'paging-5m-390');
    // a swipe moves the rows under the finger, not thousands of them
    await goToRow(0);
    const box = (await page.getByTestId('results-grid').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const x = box.x + box.width / 2;
    const y0 = box.y + box.height - 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - k * 14 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await expect.poll(() => page.getByTestId('result-range').textContent(), POLL).toMatch(/^显示第 6–/);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('in English', async () => {
    await page.getByTestId('lang-toggle').click();
    expect(await rowsText()).toBe('5,000,000 rows');
    expect(await page.getByTestId('result-range').textContent()).toMatch(/^showing [\d,]+–[\d,]+$/);
    await screenshot(page, 'paging-5m-en');
    await page.getByTestId('lang-toggle').click();
  });

  it('made no request to another origin and raised no page error', () => {
    expect(session.opened.foreignRequests()).toEqual([]);
    expect(session.opened.pageErrors).toEqual([]);
  });
});

async function runAndFirst(sql: string): Promise<string[]> {
  await runSql(page, sql);
  return rowCells(0);
}
