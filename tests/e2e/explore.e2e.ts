// Explore in Chromium: overview, catalog facets and search, the `selection` table, the report viewer (cells in
// the text and in the tables, failed checks), the question library and the schema browser. Data: the seeds
// plus a report built to fail two checks (tests/fixtures/failingReport.ts), through buildDataset().
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/state/questions.ts';
import { FAILING_TITLE, writeFailingReport } from '../fixtures/failingReport.ts';
import { buildDataset, type OpenedPage, screenshot, type ServedDataset, sqlFirstCell, openWorkbench } from './harness/index.ts';

const POLL = { timeout: 20_000 };
const SEED_003 = '7b951b280899339b';
let input: string;
let app: ServedDataset;
let browser: Browser;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;
let page: Page;

const rows = () => page.getByTestId('catalog-row');
const countText = () => page.getByTestId('catalog-count').textContent();

async function facet(dim: string, value: string): Promise<void> {
  await page.locator(`[data-testid="facet-${dim}"] input[data-value="${value}"]`).click();
}

const sqlValue = (sql: string) => sqlFirstCell(page, sql);

/** After a query was started from another panel: the SQL panel is on screen and shows a result or an error. */
async function waitSqlDone(): Promise<void> {
  await page.getByTestId('sql-panel').waitFor();
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="sql-cancel"]:not([disabled])') &&
      document.querySelector('[data-testid="result-rows"], [data-testid="sql-error"]') !== null,
  );
}

beforeAll(async () => {
  input = await mkdtemp(path.join(os.tmpdir(), 'wb-failing-'));
  await writeFailingReport(input);
  app = await buildDataset([input]);
  ({ browser, opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
  if (input) await rm(input, { recursive: true, force: true });
});

describe('explore', () => {
  it('overview counts the reports, the passing ones and the most frequent failed rules', async () => {
    await page.waitForSelector('[data-testid="overview-totals"][data-source="duckdb"]');
    expect(await page.getByTestId('total-overview_reports').textContent()).toBe('6');
    expect(await page.getByTestId('total-overview_failed').textContent()).toBe('1');
    expect(Number(await page.getByTestId('total-overview_passed').textContent())).toBeGreaterThanOrEqual(1);
    const rules = await page.getByTestId('top-rules').textContent();
    expect(rules).toContain('APP-BAL');
    expect(rules).toContain('APP-ROW');
    await screenshot(page, 'explore-overview');
  });

  it('facets narrow the list and the selection table', async () => {
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => rows().count(), POLL).toBe(6);
    expect(await countText()).toContain('6 / 6');
    // the seeds resolve to 湖北 (four, with the failing copy of 003), 陕西 and 福建
    expect(await page.getByTestId('facet-province').textContent()).toMatch(/湖北省\s*4/);
    await facet('year', '2021');
    await expect.poll(countText, POLL).toContain('3 / 6');
    expect(await rows().count()).toBe(3);
    // counts of other dimensions follow the filter
    expect(await page.locator('[data-testid="facet-format"] input[data-value="gov_2021"]').count()).toBe(1);
    await screenshot(page, 'explore-catalog-2021');
    expect(await sqlValue('SELECT count(*) FROM selection')).toBe('3');
    await page.getByTestId('nav-reports').click();
    await facet('check_status', 'errors');
    await expect.poll(countText, POLL).toContain('1 / 6');
    expect(await rows().first().textContent()).toContain(FAILING_TITLE);
    expect(await sqlValue('SELECT min(r.title) FROM selection JOIN reports r USING (report_id)')).toBe(FAILING_TITLE);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    await expect.poll(countText, POLL).toContain('6 / 6');
    expect(await sqlValue('SELECT count(*) FROM selection')).toBe('6');
  });

  it('sorts the list', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('sort-failed').click();
    await expect.poll(() => rows().first().textContent(), POLL).toContain(FAILING_TITLE);
    await page.getByTestId('sort-failed').click();
    await expect.poll(() => rows().last().textContent(), POLL).toContain(FAILING_TITLE);
    await page.getByTestId('sort-year').click();
  });

  it('search finds a report by a Chinese phrase from its body (full texts load on demand)', async () => {
    const textsFetched = () => opened.requests.filter((r) => r.url.endsWith('/texts.parquet')).length;
    const before = textsFetched();
    await page.getByTestId('catalog-search').fill('政策兑现');
    await page.getByTestId('catalog-search').press('Enter');
    await expect.poll(countText, POLL).toContain('1 / 6');
    expect(await rows().first().textContent()).toContain('湖里区行政审批管理局');
    expect(textsFetched()).toBeLessThanOrEqual(Math.max(before, 1));
    // terms separated by a space must all occur
    await page.getByTestId('catalog-search').fill('政府信息公开 不存在的短语');
    await page.getByTestId('catalog-search').press('Enter');
    await expect.poll(countText, POLL).toContain('0 / 6');
    await page.getByTestId('catalog-empty').waitFor();
    await page.getByTestId('catalog-search').fill('');
    await page.getByTestId('catalog-search').press('Enter');
    await expect.poll(countText, POLL).toContain('6 / 6');
  });

  it('the viewer marks 本年新收 自然人 139 of seed 003 where it stands and in the table', async () => {
    await page.getByTestId('nav-reports').click();
    const t0 = Date.now();
    await page.locator(`[data-testid="catalog-row"][data-report-id="${SEED_003}"] button`).click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    await page.locator('[data-testid="official-table"]').last().waitFor();
    // reported, not asserted (timings are noisy here): open to fully drawn text and tables
    console.info(`viewer: seed 003 (8.2k chars, 200 cells) drawn ${Date.now() - t0} ms after the click`);
    expect(await page.getByTestId('viewer-title').textContent()).toBe('硚口区人民政府2021年度政府信息公开工作年度报告');
    const key = 'applications.new_received.natural_person';
    const mark = page.locator(`[data-testid="text-mark"][data-key="${key}"]`);
    expect(await mark.textContent()).toBe('139');
    // the offset of the mark in the decoded text is the cell's start (5654 in seed 003)
    const offset = await mark.evaluate((el) => {
      const pre = el.closest('pre')!;
      const range = document.createRange();
      range.setStart(pre, 0);
      range.setEndBefore(el);
      return Number(pre.dataset.start) + range.toString().length;
    });
    expect(offset).toBe(5654);
    const before = await mark.evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.closest('pre')!, 0);
      range.setEndBefore(el);
      return range.toString().slice(-40);
    });
    expect(before).toMatch(/一、本年新收政府信息公开申请数量\s*$/);
    await mark.hover();
    const info = await page.getByTestId('viewer-info').textContent();
    expect(info).toContain('一、本年新收政府信息公开申请数量');
    expect(info).toContain('自然人');
    expect(info).toContain('139');
    await mark.click();
    const cell = page.locator(`td[data-key="${key}"]`);
    await expect.poll(() => cell.getAttribute('class'), POLL).toContain('active');
    expect(await cell.textContent()).toBe('139');
    expect(await page.evaluate(() => document.activeElement?.closest('td')?.dataset.key)).toBe(key);
    // multi-level headers of the official applications table
    const table = page.locator('[data-testid="official-table"][data-table-id="applications"]');
    expect(await table.locator('thead th[colspan="5"]').textContent()).toBe('法人或其他组织');
    expect(await table.locator('tbody th[scope="rowgroup"]').first().textContent()).toBe('三、本年度办理结果');
    expect(await page.getByTestId('viewer-checks').textContent()).toMatch(/全部通过/);
    await screenshot(page, 'explore-viewer-003');
    // from the table back to the text
    await page.locator(`td[data-key="applications.results_total.total"] button`).click();
    await expect.poll(() => page.locator('[data-testid="text-mark"][data-key="applications.results_total.total"]').getAttribute('class'), POLL).toContain('active');
  });

  it('shows the failed checks of the report built to fail, with the failing numbers marked', async () => {
    await page.getByTestId('nav-reports').click();
    await facet('check_status', 'errors');
    await expect.poll(countText, POLL).toContain('1 / 6');
    await rows().first().locator('button').click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    await expect.poll(() => page.getByTestId('viewer-title').textContent(), POLL).toBe(FAILING_TITLE);
    expect(await page.getByTestId('viewer-failed-count').textContent()).toContain('2');
    // the first failed check is selected on opening: its cells are highlighted and in view
    const first = page.locator('[data-testid="check-item"]').first();
    await expect.poll(() => first.getAttribute('class'), POLL).toContain('sel');
    expect(await page.locator('[data-testid="text-mark"].hl').count()).toBeGreaterThan(0);
    const row = page.locator('[data-testid="check-item"][data-rule="APP-ROW"]');
    expect(await row.textContent()).toContain('不等于');
    expect(await row.getByTestId('check-sides').textContent()).toMatch(/左边\s*144.*右边\s*143.*差额\s*1/);
    const key = 'applications.new_received.natural_person';
    const mark = page.locator(`[data-testid="text-mark"][data-key="${key}"]`);
    expect(await mark.textContent()).toBe('138');
    expect(await mark.getAttribute('class')).toContain('fail');
    expect(await mark.getAttribute('title')).toContain('APP-BAL');
    expect(await page.locator(`td[data-key="${key}"]`).getAttribute('class')).toContain('fail');
    await row.locator('button').click();
    await expect.poll(() => page.locator('td[data-key="applications.new_received.total"]').getAttribute('class'), POLL).toContain('hl');
    expect(await row.getByTestId('check-refs').textContent()).toMatch(/左边: 总计 144\s*右边: 自然人 138 \+ 商业企业 2/);
    await screenshot(page, 'explore-viewer-failing');
    // the report's numbers in SQL
    await page.getByTestId('viewer-to-sql').click();
    await waitSqlDone();
    expect(await page.getByTestId('sql-error').count()).toBe(0);
    expect(await page.locator('[data-testid="results-grid"]').textContent()).toContain('138');
  });

  it('hands the catalog selection to SQL', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-to-sql').click();
    await waitSqlDone();
    expect(await page.getByTestId('result-rows').textContent()).toMatch(/^1 行$/);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    await expect.poll(countText, POLL).toContain('6 / 6');
  });

  it('runs every question of the library without error', async () => {
    for (const q of QUESTIONS) {
      await page.getByTestId('nav-library').click();
      await page.locator(`[data-testid="question"][data-id="${q.id}"] [data-testid="question-open"]`).click();
      await waitSqlDone();
      expect(await page.getByTestId('sql-error').count(), q.id).toBe(0);
      expect(await page.getByTestId('result-rows').count(), q.id).toBe(1);
    }
    await page.getByTestId('nav-library').click();
    await screenshot(page, 'explore-library');
  });

  it('the schema browser shows descriptions and examples and inserts names into the editor', async () => {
    await page.getByTestId('nav-schema').click();
    const cells = page.locator('[data-testid="schema-object"][data-name="cells"]');
    await cells.locator('summary').click();
    // example values appear once the table is opened
    await expect.poll(() => cells.textContent(), POLL).toContain('reported');
    expect(await cells.textContent()).toContain('统计表的每个数');
    expect(await page.locator('[data-testid="schema-object"][data-name="selection"]').count()).toBe(1);
    // the catalog's session-local helper tables stay out of the schema (and of autocomplete)
    expect(await page.locator('[data-testid="schema-object"][data-name="catalog_base"]').count()).toBe(0);
    await screenshot(page, 'explore-schema');
    await page.getByTestId('nav-sql').click();
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('SELECT count(*) FROM ');
    await page.getByTestId('nav-schema').click();
    await cells.locator('summary').click();
    await cells.getByTestId('schema-insert').click();
    await page.getByTestId('sql-panel').waitFor();
    await expect.poll(() => editor.textContent(), POLL).toBe('SELECT count(*) FROM cells');
  });

  it('works with the keyboard alone', async () => {
    await page.getByTestId('nav-reports').focus();
    await page.keyboard.press('Enter');
    const box = page.locator('[data-testid="facet-year"] input[data-value="2020"]');
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(countText, POLL).toContain('3 / 6');
    await page.keyboard.press('Space');
    await expect.poll(countText, POLL).toContain('6 / 6');
    await page.locator(`[data-testid="catalog-row"][data-report-id="${SEED_003}"] button`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('viewer-title').waitFor(POLL);
    const mark = page.locator('[data-testid="text-mark"][data-key="applications.carried_over.natural_person"]');
    await mark.focus();
    expect(await page.getByTestId('viewer-info').textContent()).toContain('二、上年结转政府信息公开申请数量');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('td')?.dataset.key)).toBe('applications.carried_over.natural_person');
    // every control has an accessible name
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, [role="button"]')].filter((el) => {
        const name = (el.getAttribute('aria-label') ?? '') || (el.textContent ?? '').trim() || (el as HTMLInputElement).labels?.[0]?.textContent?.trim() || el.getAttribute('title');
        return !name;
      }).map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });

  it('speaks English', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('nav-reports').click();
    expect(await page.locator('#catalog-h').textContent()).toBe('Report catalog');
    expect(await countText()).toContain('6 of 6 reports');
    await page.locator(`[data-testid="catalog-row"][data-report-id="${SEED_003}"] button`).click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    expect(await page.locator('[data-testid="official-table"][data-table-id="applications"] thead').textContent()).toContain('Natural persons');
    await screenshot(page, 'explore-viewer-en');
    await page.getByTestId('lang-toggle').click();
  });

  it('works on a 390-px phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => rows().count(), POLL).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'explore-catalog-390');
    await rows().first().locator('button').click();
    await page.getByTestId('viewer-title').waitFor(POLL);
    await screenshot(page, 'explore-viewer-390');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('made no request to another origin, no CSP violation, no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
