// Issue 7's "done when": one scripted tour of hostile files and hostile queries, in Chinese and then in English,
// leaves the workbench responsive, the data set intact (every loaded table has the manifest's row count, the
// overview the same totals) and each problem explained in the language on screen — with no script from data run,
// no page error, no CSP violation and no request to another origin.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { zh, type Dict } from '../../src/i18n/zh.ts';
import type { Manifest } from '../../src/core/manifest.ts';
import { writeHostileFiles } from '../hostile/writeHostileFiles.ts';
import { buildDataset, openWorkbench, runSql, setSql, type OpenedPage, type ServedDataset } from './harness/index.ts';

const POLL = { timeout: 30_000, interval: 100 };

let input: string;
let app: ServedDataset;
let opened: OpenedPage;
let page: Page;
let close: (() => Promise<void>) | undefined;
let manifest: Manifest;
let totalsAtStart: string[];

const firstCell = () => page.locator('[data-testid="results-grid"] [role="gridcell"]').first().textContent();
const totals = () => page.locator('[data-testid="overview-totals"] dd').allTextContents();

/** Frames the page painted in half a second: a frozen main thread paints none. */
const framesIn500ms = () =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        const end = performance.now() + 500;
        const tick = () => (performance.now() < end ? (n++, requestAnimationFrame(tick)) : resolve(n));
        requestAnimationFrame(tick);
      }),
  );

async function expectError(sql: string, kind: string, dict: Dict): Promise<void> {
  await runSql(page, sql);
  const box = page.getByTestId('sql-error');
  await box.waitFor();
  expect(await box.getAttribute('data-kind'), sql).toBe(kind);
  const explain = (await page.getByTestId('sql-error-explain').textContent())!;
  const template = dict[`fail_${kind}` as keyof Dict];
  const prefix = template.split('{')[0]!.slice(0, 12);
  expect(prefix.length, kind).toBeGreaterThanOrEqual(4);
  expect(explain.startsWith(prefix), `${sql}: ${explain}`).toBe(true);
}

async function expectRefused(sql: string, name: string, dict: Dict): Promise<void> {
  await runSql(page, sql);
  await page.getByTestId('sql-refused').waitFor();
  expect(await page.getByTestId('sql-refused').textContent(), sql).toContain(dict.protect_refused_title);
  expect(await page.getByTestId('sql-refused-message').textContent(), sql).toContain(name);
}

/** The hostile queries of the tour, checked in the language on screen. */
async function hostileQueries(dict: Dict): Promise<void> {
  await expectError('SELEC count(*) FROM reports', 'syntax', dict);
  await expectError(`SELECT 'abc'::INTEGER`, 'conversion', dict);
  await expectError('SELECT nosuchcolumn FROM reports', 'unknown_column', dict);
  await expectRefused('DROP TABLE reports', 'reports', dict);
  await expectRefused('DELETE FROM cells WHERE true', 'cells', dict);
  await expectRefused(`UPDATE reports SET organ = 'x'`, 'reports', dict);

  // a 5,000,000-row result: counted, paged, and the page keeps painting meanwhile
  await runSql(page, `SELECT i, 'r' || i AS s FROM range(5000000) t(i)`);
  expect(await framesIn500ms()).toBeGreaterThan(5);
  await expect.poll(() => page.getByTestId('result-rows').getAttribute('data-status'), POLL).toBe('paged');
  expect((await page.getByTestId('result-rows').textContent())!.replace(/\D/g, '')).toBe('5000000');

  // a runaway query, cancelled with Esc; the page stays responsive while it runs
  await page.getByTestId('nav-sql').click();
  await setSql(page, 'SELECT count(*) FROM range(100000000000) a, range(1000) b');
  await page.getByTestId('sql-run').click();
  await expect.poll(() => page.getByTestId('sql-cancel').isEnabled(), POLL).toBe(true);
  expect(await framesIn500ms()).toBeGreaterThan(5);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('result-meta').textContent(), POLL).toContain(dict.sql_cancelled);

  // markup in a result is text
  await runSql(page, `SELECT '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' AS x`);
  expect(await firstCell()).toContain('<img src=x onerror=');
  expect(await page.locator('[data-testid="results-grid"] img, [data-testid="results-grid"] script').count()).toBe(0);

  // and the next ordinary query works
  await runSql(page, 'SELECT count(*) AS n FROM reports');
  expect(await firstCell()).toBe(String(manifest.tables.find((t) => t.name === 'reports')!.rows));
}

beforeAll(async () => {
  input = await mkdtemp(path.join(os.tmpdir(), 'wb-tour-'));
  await writeHostileFiles(input);
  app = await buildDataset([input]);
  manifest = JSON.parse(await readFile(path.join(app.root, 'data', 'manifest.json'), 'utf8')) as Manifest;
  ({ opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
  if (input) await rm(input, { recursive: true, force: true });
});

describe('a tour of hostile files and hostile queries', () => {
  it('the hostile files are explained in Chinese in the build diagnostics', async () => {
    await expect.poll(async () => (await totals()).every((t) => /\d/.test(t)), POLL).toBe(true);
    totalsAtStart = await totals();
    const report = JSON.parse(await readFile(path.join(app.root, 'data', 'build-report.json'), 'utf8')) as { files: unknown[] };
    await page.getByTestId('overview-diagnostics').click();
    await page.getByTestId('diag-files').waitFor();
    const explained = await page.getByTestId('diag-explain').allTextContents();
    expect(explained).toContain(zh.diag_code_binary);
    expect(explained).toContain(zh.diag_code_encoding);
    expect(explained).toContain(zh.diag_code_duplicate);
    expect(await page.getByTestId('diag-file').count()).toBeGreaterThanOrEqual(report.files.length - 5);
  });

  it('hostile queries are each explained in Chinese, and the workbench keeps working', async () => {
    await hostileQueries(zh);
  });

  it('the same in English', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('overview-diagnostics').click();
    await expect.poll(() => page.getByTestId('diag-explain').allTextContents(), POLL).toContain(en.diag_code_binary);
    await hostileQueries(en);
  });

  it('leaves the data set intact, the page responsive and nothing run from data', async () => {
    for (const t of manifest.tables.filter((x) => x.eager)) {
      await runSql(page, `SELECT count(*) AS n FROM "${t.name}"`);
      expect(await firstCell(), t.name).toBe(String(t.rows));
    }
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('nav-overview').click();
    await expect.poll(totals, POLL).toEqual(totalsAtStart);
    expect(await framesIn500ms()).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(opened.pageErrors).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.foreignRequests()).toEqual([]);
  });
});
