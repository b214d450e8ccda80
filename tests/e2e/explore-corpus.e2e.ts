// The explore views on a generated corpus of a few hundred reports (tests/fixtures/generateCorpus.ts) plus the
// seeds — or on a folder of real reports: WB_CORPUS_DIR=/path npm run test:e2e. Assertions hold for any data:
// the UI is compared with SQL on the same DuckDB. WB_CORPUS_SIZE sets the generated size (default 300).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../fixtures/generateCorpus.ts';
import { buildDataset, type OpenedPage, screenshot, type ServedDataset, sqlFirstCell, openWorkbench } from './harness/index.ts';

const POLL = { timeout: 30_000 };
const SIZE = Number(process.env.WB_CORPUS_SIZE ?? 300);
let tmp: string | null = null;
let app: ServedDataset;
let browser: Browser;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;
let page: Page;

const countText = async () => (await page.getByTestId('catalog-count').textContent()) ?? '';
const selectedCount = async () => Number(/已选 ([\d,]+)/.exec(await countText())?.[1]?.replaceAll(',', '') ?? NaN);

async function sql(q: string): Promise<string> {
  const cell = await sqlFirstCell(page, q);
  expect(await page.getByTestId('sql-error').count(), q).toBe(0);
  return cell ?? '';
}

beforeAll(async () => {
  let dir = process.env.WB_CORPUS_DIR;
  if (!dir) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'wb-corpus-'));
    dir = (await generateCorpus(tmp, SIZE)).dir;
  }
  app = await buildDataset([dir]);
  ({ browser, opened, page, close } = await openWorkbench(app, 120_000));
});

afterAll(async () => {
  await close?.();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('explore on a corpus', () => {
  it('lists every report in a virtualised list', async () => {
    const total = Number(await sql('SELECT count(*) FROM reports'));
    expect(total).toBeGreaterThan(100);
    await page.getByTestId('nav-reports').click();
    await expect.poll(selectedCount, POLL).toBe(total);
    const rendered = await page.getByTestId('catalog-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await page.getByTestId('catalog-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.getByTestId('catalog-row').last().getAttribute('aria-posinset'), POLL).toBe(String(total));
    await screenshot(page, 'explore-corpus-catalog');
  });

  it('done-when: 2021 reports in 湖北 with a failed check, opened, explained, sent to SQL', async () => {
    await page.getByTestId('nav-reports').click();
    await page.locator('[data-testid="facet-year"] input[data-value="2021"]').click();
    await expect.poll(countText, POLL).not.toContain('/ 0');
    const hubei = page.locator('[data-testid="facet-province"] input[data-value^="湖北"]');
    const province = await hubei.first().getAttribute('data-value');
    expect(province).toBe('湖北省');
    await hubei.first().click();
    await page.locator('[data-testid="facet-check_status"] input[data-value="errors"]').click();
    const where = `report_year = 2021 AND n_errors > 0 AND province = '湖北省'`;
    const expected = Number(await sql(`SELECT count(*) FROM reports WHERE ${where}`));
    expect(expected).toBeGreaterThan(0);
    await page.getByTestId('nav-reports').click();
    await expect.poll(selectedCount, POLL).toBe(expected);
    await screenshot(page, 'explore-corpus-hubei-failing');
    await page.getByTestId('catalog-row').first().locator('button').click();
    await page.getByTestId('viewer-failed-count').waitFor(POLL);
    const failing = page.locator('[data-testid="text-mark"].fail');
    expect(await failing.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="check-item"][data-status="fail"]').first().textContent()).toMatch(/不等于/);
    await screenshot(page, 'explore-corpus-viewer');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-to-sql').click();
    await page.getByTestId('sql-panel').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="result-rows"]') !== null);
    await expect.poll(() => page.getByTestId('result-rows').textContent(), POLL).toBe(`${expected.toLocaleString()} 行`);
    expect(await sql(`SELECT count(*) FROM selection JOIN reports USING (report_id) WHERE NOT (${where})`)).toBe('0');
  });

  it('search agrees with SQL over the full texts', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    const expected = Number(await sql(`SELECT count(*) FROM texts t JOIN reports r USING (report_id) WHERE contains(t.text, '梁子湖区') OR contains(r.title, '梁子湖区')`));
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-search').fill('梁子湖区');
    await page.getByTestId('catalog-search').press('Enter');
    await expect.poll(selectedCount, POLL).toBe(expected);
    await page.getByTestId('catalog-clear').click();
  });

  it('made no request to another origin and no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
