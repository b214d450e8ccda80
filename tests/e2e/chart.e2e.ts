// The chart builder in real Chromium on the seed data: one click to a default chart, every choice changeable,
// SVG and PNG exports that are valid files, the chart in the URL, light and dark, desktop and phone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage, openPage, type RunningApp, runSql, screenshot, SCREENSHOT_DIR, startApp, waitReady, openWorkbench } from './harness/index.ts';
import { decodeView } from '../../src/state/urlCodec.ts';

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;
let page: Page;
const POLL = { timeout: 30_000 };

const renders = (p: Page) => p.getByTestId('chart-view').getAttribute('data-renders').then(Number).catch(() => 0);

/** The chart specification the page's URL holds now (the URL follows the view after a short debounce). */
const chartInUrl = (p: Page) => decodeView(new URL(p.url()).search).parts.chart as Record<string, unknown> | undefined;

/** Waits until the chart has been drawn again after `before` renders, with no query running. */
async function waitDrawn(p: Page, before: number): Promise<void> {
  await expect.poll(() => renders(p), POLL).toBeGreaterThan(before);
  await expect.poll(() => p.getByTestId('chart-meta').textContent(), POLL).toMatch(/图表查询|Chart query/);
}

async function pick(p: Page, testId: string, value: string): Promise<void> {
  if ((await p.getByTestId(testId).inputValue()) === value) return;
  const before = await renders(p);
  await p.getByTestId(testId).selectOption(value);
  await waitDrawn(p, before);
}


/** PNG signature and IHDR size. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  app = await startApp();
  ({ browser, opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
});

describe('chart builder on the seed reports', () => {
  it('charts a library question with one click: a default chart from the column types', async () => {
    await page.getByTestId('nav-sql').click();
    await page.getByTestId('sql-examples').selectOption('grant_rate'); // 各报告收到申请数与公开比例 (report_metrics)
    await expect.poll(() => page.getByTestId('result-rows').textContent(), POLL).toMatch(/行/);
    await page.getByTestId('view-chart').click();
    await waitDrawn(page, 0);
    expect(await page.locator('[data-testid="chart-view"] svg').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-title').textContent()).toMatch(/本年新收申请/);
    expect(await page.getByTestId('chart-error').count()).toBe(0);
    expect(await page.getByTestId('chart-mark').inputValue()).toMatch(/bar|line/);
    await screenshot(page, 'chart-default-report-metrics');
  });

  it('opens a library question with its own chart: formats per year as stacked bars', async () => {
    await page.getByTestId('nav-library').click();
    await page.locator('[data-testid="question"][data-id="formats_by_year"] [data-testid="question-open"]').click();
    await expect.poll(() => page.getByTestId('result-rows').textContent(), POLL).toMatch(/行/);
    if ((await page.getByTestId('view-chart').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('view-chart').click();
    await expect.poll(() => page.getByTestId('chart-color').inputValue(), POLL).toBe('format');
    await expect.poll(() => page.getByTestId('chart-title').textContent(), POLL).toMatch(/报告格式/);
    expect(await page.getByTestId('chart-x').inputValue()).toBe('report_year');
    expect(await page.getByTestId('chart-y').inputValue()).toBe('reports');
    expect(await page.getByTestId('chart-layout').inputValue()).toBe('stack');
    await screenshot(page, 'chart-question-formats');
    // back to the result the next tests chart
    await page.getByTestId('sql-examples').selectOption('grant_rate');
    await expect.poll(() => page.getByTestId('chart-y').inputValue(), POLL).toBe('applications_received');
    await waitDrawn(page, 0);
  });

  it('changes mark, x, y and colour; the chart follows', async () => {
    await pick(page, 'chart-mark', 'bar');
    await pick(page, 'chart-x', 'report_year');
    await pick(page, 'chart-y', 'granted');
    await pick(page, 'chart-aggregate', 'sum');
    await pick(page, 'chart-color', 'organ');
    const svg = page.locator('[data-testid="chart-view"]');
    expect(await svg.textContent()).toMatch(/予以公开（合计）/);
    // the legend names the organs
    expect(await page.locator('[data-testid="chart-view"] figure > div').first().textContent()).toMatch(/政府|局|办/);
    await pick(page, 'chart-layout', 'group');
    await pick(page, 'chart-mark', 'dot');
    await pick(page, 'chart-aggregate', 'none');
    await pick(page, 'chart-x', 'applications_received');
    expect(await page.locator('[data-testid="chart-view"] circle').count()).toBeGreaterThan(0);
    // the specification is in the URL
    await expect.poll(() => chartInUrl(page), POLL).toMatchObject({ mark: 'dot', x: 'applications_received' });
    expect(chartInUrl(page)).toMatchObject({ source: 'result', mark: 'dot', x: 'applications_received', y: 'granted', color: 'organ', aggregate: 'none' });
    await screenshot(page, 'chart-dot');
  });

  it('exports a valid SVG and a PNG of the chart', async () => {
    await pick(page, 'chart-mark', 'bar');
    await pick(page, 'chart-aggregate', 'sum');
    await pick(page, 'chart-x', 'organ');
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-export-svg').click()]);
    expect(svgDl.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await readFile((await svgDl.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        tag: root.tagName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        rects: doc.querySelectorAll('rect').length,
        text: root.textContent,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.tag).toBe('svg');
    expect(parsed.width).toBeGreaterThan(300);
    expect(parsed.rects).toBeGreaterThan(3);
    expect(parsed.text).toMatch(/予以公开/);

    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-export-png').click()]);
    expect(pngDl.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile((await pngDl.path())!);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(path.join(SCREENSHOT_DIR, 'chart-export.png'), png); // to look at
    await writeFile(path.join(SCREENSHOT_DIR, 'chart-export.svg'), svg);
    const size = pngSize(png);
    expect(size).toEqual({ width: parsed.width * 2, height: parsed.height * 2 });
    // the PNG decodes in the browser and is not blank
    const probe = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4 * 97) colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      return { w: img.width, colours: colours.size };
    }, png.toString('base64'));
    expect(probe.w).toBe(size.width);
    expect(probe.colours).toBeGreaterThan(3);
  });

  it.each(['applications_wide', 'checks', 'report_metrics', 'reports', 'cells'])('gives table %s a default chart', async (name) => {
    await page.getByTestId('nav-chart').click();
    const before = await renders(page);
    await page.getByTestId('chart-source').selectOption(`table:${name}`);
    await waitDrawn(page, before);
    expect(await page.getByTestId('chart-error').count()).toBe(0);
    expect(await page.locator('[data-testid="chart-view"] svg [aria-label]').count()).toBeGreaterThan(0);
    await screenshot(page, `chart-table-${name}`);
  });

  it('shows Chinese template labels for row keys', async () => {
    await page.getByTestId('chart-source').selectOption('table:applications_wide');
    await expect.poll(() => page.getByTestId('chart-x').inputValue(), POLL).toMatch(/^row_(key|label_zh)$/);
    await pick(page, 'chart-x', 'row_key');
    await expect.poll(() => page.getByTestId('chart-view').textContent(), POLL).toMatch(/一、本年新收政府信息公开申请数量/);
    expect(await page.getByTestId('chart-view').textContent()).not.toMatch(/new_received/);
  });

  it('shows a chart error and keeps working', async () => {
    await page.getByTestId('chart-aggregate').selectOption('count');
    await page.getByTestId('chart-y').selectOption('row_key');
    await page.getByTestId('chart-aggregate').selectOption('sum');
    await expect.poll(() => page.getByTestId('chart-error').textContent(), POLL).toMatch(/不是数值/);
    await pick(page, 'chart-aggregate', 'count');
    expect(await page.getByTestId('chart-error').count()).toBe(0);
  });

  it('draws a heat map, a box plot and top-N with "other"; tips show on hover', async () => {
    await page.getByTestId('chart-source').selectOption('table:cells');
    await expect.poll(() => page.getByTestId('chart-meta').textContent(), POLL).toMatch(/图表查询/);
    // until a heat map has its y, it says so instead of drawing
    await page.getByTestId('chart-mark').selectOption('cell');
    await page.getByTestId('chart-x').selectOption('col_key');
    await pick(page, 'chart-y', 'table_id');
    await pick(page, 'chart-color', 'value');
    await pick(page, 'chart-aggregate', 'sum');
    expect(await page.getByTestId('chart-error').count()).toBe(0);
    expect(await page.locator('[data-testid="chart-view"] g[aria-label="cell"] rect').count()).toBeGreaterThan(5);
    await screenshot(page, 'chart-heatmap');
    await pick(page, 'chart-mark', 'box');
    await pick(page, 'chart-x', 'table_id');
    await pick(page, 'chart-y', 'value');
    expect(await page.locator('[data-testid="chart-view"] g[aria-label="bar"] rect').count()).toBeGreaterThan(1);
    await pick(page, 'chart-mark', 'bar');
    await pick(page, 'chart-aggregate', 'count');
    await pick(page, 'chart-x', 'row_key');
    await pick(page, 'chart-top', '5');
    await expect.poll(() => page.locator('[data-testid="chart-view"] g[aria-label="bar"] rect').count(), POLL).toBeLessThanOrEqual(12);
    expect(await page.getByTestId('chart-view').textContent()).toMatch(/其他/);
    const bar = page.locator('[data-testid="chart-view"] g[aria-label="bar"] rect').first();
    await bar.hover();
    await expect.poll(() => page.locator('[data-testid="chart-view"] g[aria-label="tip"]').textContent(), POLL).toMatch(/\d/);
    await screenshot(page, 'chart-topn-tip');
  });

  it('a newer choice wins over a slower older one', async () => {
    const before = await renders(page);
    await page.evaluate(() => {
      const sel = document.querySelector<HTMLSelectElement>('[data-testid="chart-aggregate"]')!;
      for (const v of ['distinct', 'count', 'distinct', 'count']) {
        sel.value = v;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await waitDrawn(page, before);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('chart-aggregate').inputValue()).toBe('count');
    expect(await page.getByTestId('chart-title').textContent()).toMatch(/（计数）/);
    await expect.poll(() => chartInUrl(page)?.aggregate, POLL).toBe('count');
  });

  it('keeps a choice made while a new source is still being read', async () => {
    // a source big enough that choosing its default chart (distinct counts) takes a while
    await runSql(page, 'CREATE OR REPLACE VIEW slow_checks AS SELECT c.* FROM checks c, range(20000)');
    await page.getByTestId('nav-chart').click();
    await page.getByTestId('chart-source').selectOption('table:reports');
    await waitDrawn(page, 0);
    const before = await renders(page);
    await page.getByTestId('chart-source').selectOption('table:slow_checks');
    // the option exists once the new columns are read, while the default for the new source is still being chosen
    await page.getByTestId('chart-x').selectOption('rule_id');
    await waitDrawn(page, before);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('chart-x').inputValue()).toBe('rule_id');
    await expect.poll(() => chartInUrl(page)?.x, POLL).toBe('rule_id');
    await runSql(page, 'DROP VIEW slow_checks');
    await page.getByTestId('nav-chart').click();
  });

  it('charts the reports of the catalog selection', async () => {
    await page.getByTestId('nav-reports').click();
    await page.locator('[data-testid="facet-year"] input[data-value="2021"]').click();
    // the seeds hold two reports on 2021 (003 and 002, a 2021 report on the 2019 form)
    await expect.poll(() => page.getByTestId('catalog-row').count(), POLL).toBe(2);
    await page.getByTestId('nav-chart').click();
    const option = page.locator('[data-testid="chart-source"] option[value="selection:report_metrics"]');
    await expect.poll(() => option.count(), POLL).toBe(1);
    const before = await renders(page);
    await page.getByTestId('chart-source').selectOption('selection:report_metrics');
    await waitDrawn(page, before);
    await pick(page, 'chart-mark', 'bar');
    await pick(page, 'chart-x', 'report_id');
    await expect.poll(() => page.locator('[data-testid="chart-view"] g[aria-label="bar"] rect').count(), POLL).toBe(2);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-clear').click();
    await page.getByTestId('nav-chart').click();
  });

  it('restores the chart from a link', async () => {
    await page.getByTestId('chart-source').selectOption('table:checks');
    await expect.poll(() => page.getByTestId('chart-meta').textContent(), POLL).toMatch(/图表查询/);
    await pick(page, 'chart-x', 'rule_id');
    await expect.poll(() => chartInUrl(page), POLL).toMatchObject({ source: 'table:checks', x: 'rule_id' });
    const link = page.url();
    const p2 = await openPage(browser, link);
    try {
      await waitReady(p2.page);
      await waitDrawn(p2.page, 0);
      expect(await p2.page.getByTestId('chart-source').inputValue()).toBe('table:checks');
      expect(await p2.page.getByTestId('chart-x').inputValue()).toBe('rule_id');
      expect(p2.pageErrors).toEqual([]);
    } finally {
      await p2.close();
    }
  });

  it('draws in dark mode and on a phone', async () => {
    const ctx = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const p = await ctx.newPage();
    try {
      await p.goto(`${app.url}?panel=chart&chart=${encodeURIComponent(JSON.stringify({ source: 'table:report_metrics', mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', horizontal: true, sort: 'value-desc' }))}`);
      await waitReady(p);
      await waitDrawn(p, 0);
      const bg = await p.locator('[data-testid="chart-view"] svg').last().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe('rgb(255, 255, 255)');
      const w = await p.locator('[data-testid="chart-view"] svg').last().evaluate((el) => el.getBoundingClientRect().width);
      expect(w).toBeLessThanOrEqual(390);
      await screenshot(p, 'chart-dark-390');
      await p.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(() => p.locator('[data-testid="chart-view"] svg').last().evaluate((el) => el.getBoundingClientRect().width), POLL).toBeGreaterThan(600);
      await screenshot(p, 'chart-dark-1280');
    } finally {
      await ctx.close();
    }
  });

  it('speaks English when the interface does', async () => {
    await page.getByTestId('lang-toggle').click();
    try {
      await expect.poll(() => page.locator('[data-testid="chart-mark"] option[value="bar"]').textContent(), POLL).toBe('Bar');
      expect(await page.getByTestId('chart-export-svg').textContent()).toBe('Export SVG');
      await expect.poll(() => page.getByTestId('chart-title').textContent(), POLL).toMatch(/[A-Za-z]/);
      expect(await page.getByTestId('chart-title').textContent()).not.toMatch(/[按合计数量]/);
      await screenshot(page, 'chart-english');
    } finally {
      await page.getByTestId('lang-toggle').click();
    }
  });

  it('made no request to another origin, no CSP violation, no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
