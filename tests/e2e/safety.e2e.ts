// Injection (issue 7, item 4) in real Chromium. A data set whose report carries markup and a formula in its text,
// its title and organ, and its file name is walked through every panel that shows data: catalog (list, search),
// reader, SQL grid, schema examples, chart (category labels, tip, SVG export), query history and a CSV download.
// Everything must show as text: no element made from data, window.__pwned never set, no page error. Then the CSP
// itself: scripts injected into the page's DOM are blocked and reported, and the same injection runs on a copy of
// the app without the policy (so this test would notice the policy going away).
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../security/hostile.ts';
import {
  buildDataset,
  DIST_DIR,
  openPage,
  openWorkbench,
  PROJECT_ROOT,
  runSql,
  screenshot,
  startServer,
  type OpenedPage,
  type ServedDataset,
} from './harness/index.ts';

const POLL = { timeout: 30_000 };
/** The organ line of the report (the parser takes the organ from 发布机构, at most 30 characters, no spaces). */
const ORGAN = '<svg/onload=__pwned=4>汉阳区局';
const TITLE = `${ORGAN}2021年度政府信息公开工作年度报告`;
/** A file name cannot hold '/', so the script tag of the name is not closed. */
const FILE_NAME = `${HOSTILE.formula}${HOSTILE.img}${HOSTILE.attr}${HOSTILE.script.replace('</', '<')}.txt`;
const SEED_003 = path.join(PROJECT_ROOT, 'seeds/003_312ad407f2934fb3.txt');
const SEED_000 = path.join(PROJECT_ROOT, 'seeds/000_dc6ff8ede2cca465.txt');

/** Seed 003 with its title lines replaced by markup and an organ field, and markup plus a formula in its prose. */
async function writeHostileReport(dir: string): Promise<void> {
  const text = await readFile(SEED_003, 'utf8');
  const head = '硚口区人民政府2021年度\n政府信息公开工作年度报告\n';
  if (!text.startsWith(head) || !text.includes('编制本报告。')) throw new Error('seed 003 changed: title lines not found');
  const hostile = text
    .replace(head, `${HOSTILE.script}${HOSTILE.img}\n发布机构：${ORGAN}\n`)
    .replace('编制本报告。', `编制本报告。${HOSTILE.attr}${HOSTILE.formula}`);
  await writeFile(path.join(dir, FILE_NAME), hostile);
  // a second, ordinary report, so that search and facets have something to leave out
  await writeFile(path.join(dir, 'ordinary.txt'), await readFile(SEED_000));
}

let input: string;
let app: ServedDataset;
let browser: Browser;
let opened: OpenedPage;
let page: Page;
let close: (() => Promise<void>) | undefined;

/** Nothing from the data became an element or ran: the whole DOM, the flag and the request log. */
async function expectInert(p: Page, o: OpenedPage, where: string): Promise<void> {
  const found = await p.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !el.hasAttribute('src')) bad.push('inline script');
      if (tag === 'img' && /(^|\/)x$/.test(el.getAttribute('src') ?? '')) bad.push('img src=x');
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`${tag}[${a}]`);
    }
    return { bad, pwned: (window as unknown as { __pwned?: unknown }).__pwned, pwnedGlobal: '__pwned' in window };
  });
  expect(found.bad, where).toEqual([]);
  expect(found.pwned, where).toBeUndefined();
  expect(found.pwnedGlobal, where).toBe(false);
  // an <img src=x> that had been created would have asked the server for /x
  expect(o.requests.filter((r) => /\/x$/.test(new URL(r.url).pathname)), where).toEqual([]);
  expect(o.pageErrors, where).toEqual([]);
  expect(o.cspViolations, where).toEqual([]);
}

const bodyText = (p: Page) => p.evaluate(() => document.body.innerText);

beforeAll(async () => {
  input = await mkdtemp(path.join(os.tmpdir(), 'wb-hostile-'));
  await writeHostileReport(input);
  app = await buildDataset([input], { seeds: false });
  ({ browser, opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
  if (input) await rm(input, { recursive: true, force: true });
});

describe('data with markup and formulas renders as text', () => {
  it('the catalog lists the report under its title with the markup as characters', async () => {
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('catalog-row').count(), POLL).toBe(2);
    const row = page.getByTestId('catalog-row').filter({ hasText: '汉阳区局' });
    expect(await row.textContent()).toContain(TITLE);
    await expectInert(page, opened, 'catalog');
  });

  it('search finds it by markup in its title and in its text', async () => {
    const search = async (q: string, n: number) => {
      await page.getByTestId('catalog-search').fill(q);
      await page.getByTestId('catalog-search').press('Enter');
      await expect.poll(() => page.getByTestId('catalog-count').textContent(), POLL).toContain(`${n} / 2`);
    };
    await search('<svg/onload=', 1);
    await search(HOSTILE.script, 1);
    await search(HOSTILE.attr, 1);
    expect(await page.getByTestId('catalog-search').inputValue()).toBe(HOSTILE.attr);
    expect(await page.getByTestId('catalog-row').textContent()).toContain(TITLE);
    await screenshot(page, 'safety-catalog-search');
    await expectInert(page, opened, 'catalog search');
    await search('', 2);
  });

  it('the reader shows the title, the organ line and the text with every string as written', async () => {
    await page.getByTestId('catalog-row').filter({ hasText: '汉阳区局' }).locator('button').first().click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    expect(await page.getByTestId('viewer-title').textContent()).toBe(TITLE);
    await page.locator('[data-testid="official-table"]').last().waitFor(POLL);
    const text = await page.getByTestId('viewer-text').textContent();
    for (const s of Object.values(HOSTILE)) expect(text, s).toContain(s);
    expect(text).toContain(`发布机构：${ORGAN}`);
    expect(await page.getByTestId('report-viewer').textContent()).toContain(`${ORGAN} · 湖北省`);
    await screenshot(page, 'safety-reader');
    await expectInert(page, opened, 'reader');
  });

  it('the SQL grid shows titles, file names and a hostile column name as text', async () => {
    await runSql(page, 'SELECT title, source_file FROM reports ORDER BY title');
    const grid = page.getByTestId('results-grid');
    const cells = await grid.locator('[role="gridcell"]').allTextContents();
    expect(cells).toContain(TITLE);
    expect(cells).toContain(FILE_NAME);
    const alias = HOSTILE.img.replaceAll('"', '""');
    await runSql(page, `SELECT '${HOSTILE.script}' AS "${alias}", '${HOSTILE.formula.replaceAll("'", "''")}' AS f`);
    expect(await grid.textContent()).toContain(HOSTILE.img);
    expect(await grid.locator('[role="gridcell"]').allTextContents()).toEqual([HOSTILE.script, HOSTILE.formula]);
    await screenshot(page, 'safety-sql');
    await expectInert(page, opened, 'sql grid');
  });

  it('the one-click CSV download guards the formula in the file name', async () => {
    await runSql(page, 'SELECT source_file FROM reports ORDER BY source_file');
    const [download] = await Promise.all([page.waitForEvent('download', POLL), page.getByTestId('download-csv').click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const first = csv.split('\r\n')[1]!;
    expect(first).toBe(`"'${FILE_NAME.replaceAll('"', '""')}"`);
    await page.waitForSelector('[data-testid="download-dialog"]', { state: 'detached' });
  });

  it('the query history lists the hostile SQL as text', async () => {
    if (!(await page.getByTestId('query-library').count())) await page.getByTestId('library-toggle').click();
    await page.getByTestId('lib-tab-history').click();
    const codes = await page.getByTestId('lib-history-item').locator('code').allTextContents();
    // the alias is written with its quotes doubled, as SQL wants
    expect(codes.some((c) => c.includes(HOSTILE.script) && c.includes('<img src=x onerror=""window.__pwned=2"">'))).toBe(true);
    await page.getByTestId('lib-search').fill('<script>');
    await expect.poll(() => page.getByTestId('lib-history-item').count(), POLL).toBe(1);
    await screenshot(page, 'safety-history');
    await page.getByTestId('lib-search').fill('');
    await expectInert(page, opened, 'history');
  });

  it('the schema browser shows them among the example values', async () => {
    await page.getByTestId('nav-schema').click();
    const reports = page.locator('[data-testid="schema-object"][data-name="reports"]');
    await reports.locator('summary').click();
    // examples are cut to a few dozen characters
    await expect.poll(() => reports.textContent(), POLL).toContain(FILE_NAME.slice(0, 30));
    expect(await reports.textContent()).toContain(ORGAN);
    expect(await reports.textContent()).toContain(TITLE.slice(0, 30));
    await expectInert(page, opened, 'schema');
  });

  it('the chart draws organs as category labels and tips, and its SVG export carries them as text', async () => {
    await runSql(page, 'SELECT organ, n_chars FROM reports');
    await page.getByTestId('view-chart').click();
    const view = page.getByTestId('chart-view');
    await expect.poll(() => view.locator('svg').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => view.textContent(), POLL).toContain('<svg/onload=');
    // the tip names the whole organ
    const bar = view.locator('g[aria-label="bar"] rect');
    for (let i = 0; i < (await bar.count()); i++) {
      await bar.nth(i).hover();
      if ((await view.locator('g[aria-label="tip"]').textContent())?.includes(ORGAN)) break;
    }
    expect(await view.locator('g[aria-label="tip"]').textContent()).toContain(ORGAN);
    await screenshot(page, 'safety-chart');
    const [download] = await Promise.all([page.waitForEvent('download', POLL), page.getByTestId('chart-export-svg').click()]);
    const svg = await readFile((await download.path())!, 'utf8');
    expect(svg).toContain('&lt;svg/onload=');
    expect(svg).not.toMatch(/<(?:script|img|iframe|foreignObject)\b|<[^>]*\son\w+\s*=/i);
    await expectInert(page, opened, 'chart');
    await page.getByTestId('view-table').click();
  });

  it('made no request to another origin', () => {
    expect(opened.foreignRequests()).toEqual([]);
  });
});

/** Injects an inline script, a handler and a foreign script the way an XSS would, and reports what happened. */
async function inject(p: Page): Promise<{ pwned: unknown; violations: { directive: string; blocked: string }[] }> {
  return p.evaluate(async () => {
    const w = window as unknown as { __pwned?: unknown };
    const violations: { directive: string; blocked: string }[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
    const host = document.createElement('div');
    document.body.append(host);
    // markup through innerHTML: the <script> never runs (HTML's rule), the handler does unless the CSP stops it
    host.innerHTML = '<img src="x" onerror="window.__pwned = (window.__pwned || 0) + 1"><script>window.__pwned = 100</script>';
    // an inline script element added by code runs unless the CSP stops it
    const inline = document.createElement('script');
    inline.textContent = 'window.__pwned = (window.__pwned || 0) + 10';
    document.head.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'http://evil.example/x.js';
    const loaded = new Promise((resolve) => {
      foreign.onload = () => resolve('load');
      foreign.onerror = () => resolve('error');
    });
    document.head.append(foreign);
    await loaded;
    await new Promise((r) => setTimeout(r, 300));
    return { pwned: w.__pwned, violations };
  });
}

describe('the Content-Security-Policy blocks injected scripts', () => {
  it('in the app: inline script, inline handler and foreign script are blocked and reported', async () => {
    const before = opened.requests.length;
    const got = await inject(page);
    expect(got.pwned).toBeUndefined();
    // each is reported once per policy: the page's meta tag and the server's header carry the same one
    const distinct = [...new Set(got.violations.map((v) => `${v.directive} ${v.blocked}`))].sort();
    expect(distinct).toEqual(['script-src-attr inline', 'script-src-elem http://evil.example/x.js', 'script-src-elem inline']);
    expect(got.violations.find((v) => v.blocked.startsWith('http://evil.example'))?.directive).toBe('script-src-elem');
    // the foreign script was stopped before the network: Chromium fails the request with ERR_BLOCKED_BY_CSP
    const evil = opened.requests.slice(before).filter((r) => r.url.includes('evil.example'));
    expect(evil.map((r) => r.failure)).toEqual(evil.map(() => 'csp'));
    expect(opened.foreignRequests().filter((r) => r.failure !== 'csp')).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    // the recorder saw them too, and the workbench still works
    expect(opened.cspViolations.length).toBeGreaterThanOrEqual(3);
    opened.cspViolations.length = 0;
    await runSql(page, 'SELECT 42 AS answer');
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent()).toBe('42');
  });

  it('control: the same injection runs on a copy of the app without the policy', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'wb-nocsp-'));
    const server = await (async () => {
      for (const entry of await readdir(DIST_DIR)) if (entry !== 'index.html') await symlink(path.join(DIST_DIR, entry), path.join(root, entry));
      const html = await readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
      const open = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
      expect(open).not.toBe(html);
      await writeFile(path.join(root, 'index.html'), open);
      return startServer({ root, port: 0, host: '127.0.0.1' });
    })();
    const p = await openPage(browser, server.url);
    try {
      await p.page.route(/evil\.example/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.__pwned = (window.__pwned || 0) + 1000' }));
      const got = await inject(p.page);
      expect(got.violations).toEqual([]);
      // handler (1) + inline element (10) + foreign script (1000); never the innerHTML <script> (100)
      expect(got.pwned).toBe(1011);
    } finally {
      await p.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
