// The workbench as a user meets it: built app, seed data, real Chromium, no network but its own origin.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage, type RunningApp, runSql, screenshot, startApp, openWorkbench } from './harness/index.ts';

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;
let page: Page;



beforeAll(async () => {
  app = await startApp();
  ({ browser, opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
});

describe('workbench on the seed reports', () => {
  it('starts in Chinese with the dataset overview computed by DuckDB', async () => {
    expect(await page.locator('h1').textContent()).toBe('政务公开年报工作台');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.waitForSelector('[data-testid="overview-totals"][data-source="duckdb"]');
    expect(await page.getByTestId('total-overview_reports').textContent()).toBe('5');
    const marks = await page.evaluate(() =>
      ['wb:shell', 'wb:db-ready', 'wb:data-ready', 'wb:first-result'].map((n) => performance.getEntriesByName(n, 'mark').length),
    );
    expect(marks).toEqual([1, 1, 1, 1]);
    await screenshot(page, 'overview');
  });

  it('lists the five seed reports', async () => {
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(5);
    await screenshot(page, 'reports');
  });

  it('answers SQL: count(*) is 5 and SELECT * returns 5 rows', async () => {
    await page.getByTestId('nav-sql').click();
    await runSql(page, 'SELECT count(*) AS n FROM reports', 'keys');
    const cell = page.locator('[data-testid="results-grid"] [role="gridcell"]').first();
    expect(await cell.textContent()).toBe('5');
    await runSql(page, 'SELECT * FROM reports');
    expect(await page.getByTestId('result-rows').textContent()).toMatch(/^5 行$/);
    await screenshot(page, 'sql-reports');
  });

  it('completes table and column names from the loaded schema', async () => {
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT * FROM report_m');
    const tip = page.locator('.cm-tooltip-autocomplete');
    await expect.poll(() => tip.textContent()).toContain('report_metrics');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT cells.ro');
    await expect.poll(() => tip.textContent()).toContain('row_key');
    await page.keyboard.press('Escape');
  });

  it('shows NULL distinctly and right-aligns numbers', async () => {
    await runSql(page, "SELECT 1.5 AS x, NULL AS y, '' AS z");
    const cells = page.locator('[data-testid="results-grid"] [role="gridcell"]');
    expect(await cells.nth(0).getAttribute('class')).toMatch(/num/);
    expect(await cells.nth(0).textContent()).toBe('1.5');
    expect(await cells.nth(1).textContent()).toBe('NULL');
    expect(await cells.nth(1).getAttribute('class')).toMatch(/null/);
    expect(await cells.nth(2).textContent()).toBe('');
  });

  it('shows a broken query’s error and keeps working', async () => {
    await runSql(page, 'SELECT * FORM reports');
    const err = page.getByTestId('sql-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/Parser Error: syntax error/);
    expect(await err.textContent()).not.toMatch(/exception_type/);
    // the editor marks where DuckDB says the error is
    await page.locator('.cm-lintRange-error').first().waitFor();
    await screenshot(page, 'sql-error');
    await runSql(page, 'SELECT count(*) AS n FROM cells WHERE report_id IS NOT NULL');
    expect(await page.getByTestId('sql-error').count()).toBe(0);
    expect(await page.getByTestId('result-rows').textContent()).toMatch(/^1 行$/);
  });

  it('runs the views from views.sql in DuckDB-WASM', async () => {
    await page.getByTestId('nav-sql').click();
    await runSql(page, 'SELECT count(*) AS n FROM report_metrics');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('5');
    await runSql(page, "SELECT natural_person, total FROM applications_wide WHERE row_key = 'new_received' AND total = 144");
    const cells = page.locator('[data-testid="results-grid"] [role="gridcell"]');
    expect([await cells.nth(0).textContent(), await cells.nth(1).textContent()]).toEqual(['139', '144']);
  });

  it('loads the full texts only when a query needs them', async () => {
    const fetchedTexts = () => opened.requests.filter((r) => r.url.endsWith('/texts.parquet')).length;
    expect(fetchedTexts()).toBe(0);
    await runSql(page, "SELECT report_id FROM texts WHERE text LIKE '%政府信息公开%'");
    expect(await page.getByTestId('sql-error').count()).toBe(0);
    expect(await page.getByTestId('result-rows').textContent()).toMatch(/^[1-5] 行$/);
    expect(fetchedTexts()).toBe(1);
  });

  it('never reaches for DuckDB extensions on the network', async () => {
    await runSql(page, "SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS b");
    const cells = page.locator('[data-testid="results-grid"] [role="gridcell"]');
    expect([await cells.nth(0).textContent(), await cells.nth(1).textContent()]).toEqual(['false', 'false']);
    // JSON is an extension in DuckDB-WASM 1.32: with autoloading off this fails locally instead of fetching.
    await runSql(page, `SELECT '{"a":1}'::JSON AS j`);
    await page.getByTestId('sql-error').waitFor();
    expect(opened.foreignRequests()).toEqual([]);
  });

  it('cancels a long query and the next one runs', async () => {
    await page.getByTestId('nav-sql').click();
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b');
    await page.getByTestId('sql-run').click();
    const cancel = page.getByTestId('sql-cancel');
    await expect.poll(() => cancel.isEnabled()).toBe(true);
    await page.waitForTimeout(500);
    await cancel.click();
    await expect.poll(() => page.getByTestId('result-meta').textContent(), { timeout: 15_000 }).toBe('查询已取消');
    await runSql(page, 'SELECT 42 AS answer');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('42');
  });

  it('scrolls 10k rows in a virtualised grid', async () => {
    await runSql(page, 'SELECT range AS i, range * 2 AS j FROM range(10000)');
    expect(await page.getByTestId('result-rows').textContent()).toMatch(/10,000/);
    const rendered = await page.locator('[data-testid="results-grid"] [role="row"]').count();
    expect(rendered).toBeLessThan(200);
    // the grid scrolls inside the panel; the page itself does not grow with the result
    expect(await page.evaluate(() => document.querySelector('main')!.scrollHeight)).toBeLessThan(1600);
    await screenshot(page, 'sql-10k');
    await page.getByTestId('results-grid').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => page.locator('[data-testid="results-grid"] [role="row"]').last().getAttribute('aria-rowindex'))
      .toBe('10001');
    // the next result starts at its first row, not at the old scroll offset
    await runSql(page, 'SELECT 7 AS seven');
    expect(await page.getByTestId('results-grid').evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('7');
  });

  it('downloads the result as CSV with BOM, header and rows', async () => {
    await runSql(page, "SELECT report_id, title, format FROM reports ORDER BY report_id");
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^政务公开年报_reports_\d{8}-\d{4}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('report_id,title,format');
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((l) => /^[0-9a-f]{16},/.test(l))).toBe(true);
  });

  it('switches to English', async () => {
    await page.getByTestId('lang-toggle').click();
    expect(await page.locator('h1').textContent()).toBe('Disclosure Report Workbench');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('lang-toggle').click();
  });

  it('made no request to another origin, no CSP violation, no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
