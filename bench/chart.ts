// Chart benchmark: over a 1-million-row table in DuckDB-WASM (headless Chromium, built app), the time from changing a
// chart option to the new chart on screen, against running the same aggregate query alone through the SQL panel.
// Two pages, each with its own DuckDB and its own copy of the table; runs alternate between them.
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { chartSql as buildChartSql } from '../src/sql/chartSql.ts';
import { parseChartSpec, type ChartSpec } from '../src/chart/chartSpec.ts';
import { decodeView } from '../src/state/urlCodec.ts';
import { launchBrowser, PROJECT_ROOT, printTable, startServer, summarize, writeResults, type BenchOptions } from './lib.ts';

const ROWS = 1_000_000;
const TABLE = 'bench_1m';
const CREATE = `CREATE OR REPLACE TABLE ${TABLE} AS
SELECT range AS id, 'category_' || lpad((range % 40)::VARCHAR, 2, '0') AS category, 'group_' || ((range // 7) % 4) AS grp,
  ((range * 7919) % 1000)::DOUBLE AS value, 2000 + (range % 25) AS year
FROM range(${ROWS})`;
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'category', type: 'VARCHAR' },
  { name: 'grp', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'year', type: 'BIGINT' },
];

async function runSql(p: Page, sql: string): Promise<number> {
  await p.locator('.cm-content').click();
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(sql);
  await p.getByTestId('sql-run').click();
  await p.waitForFunction(() => !document.querySelector('[data-testid="sql-cancel"]:not([disabled])'), null, { timeout: 120_000 });
  const err = await p.getByTestId('sql-error').count();
  if (err) throw new Error(`query failed: ${await p.getByTestId('sql-error').textContent()}`);
  const meta = (await p.getByTestId('result-meta').textContent()) ?? '';
  const ms = /(\d+)\s*毫秒/.exec(meta)?.[1];
  if (!ms) throw new Error(`no time in "${meta}"`);
  return Number(ms);
}

async function waitChart(p: Page, before: number, timeout: number): Promise<void> {
  await p.waitForFunction(
    (b) => Number(document.querySelector<HTMLElement>('[data-testid="chart-view"]')?.dataset.renders ?? 0) > b &&
      /图表查询/.test(document.querySelector('[data-testid="chart-meta"]')?.textContent ?? ''),
    before,
    { timeout, polling: 20 },
  );
}
const renders = (p: Page) => p.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid="chart-view"]')?.dataset.renders ?? 0));

async function pick(p: Page, testId: string, value: string, timeout: number): Promise<void> {
  const before = await renders(p);
  await p.getByTestId(testId).selectOption(value);
  await waitChart(p, before, timeout);
}

/**
 * Changes a select in the page and times until the redrawn chart has been painted. The page code is a string:
 * tsx's name-keeping helper (__name) does not exist inside the page.
 */
function timeChange(p: Page, testId: string, value: string): Promise<[number, number]> {
  return p.evaluate(`(async () => {
    const view = document.querySelector('[data-testid="chart-view"]');
    const before = Number(view.dataset.renders);
    const sel = document.querySelector('[data-testid="${testId}"]');
    const t0 = performance.now();
    sel.value = ${JSON.stringify(value)};
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (Number(view.dataset.renders) > before) { mo.disconnect(); resolve(); }
      });
      mo.observe(view, { attributes: true, attributeFilter: ['data-renders'] });
    });
    // on screen: the frame after the render, then a task after it
    const drawn = performance.getEntriesByName('wb:chart', 'mark').at(-1).startTime - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return [performance.now() - t0, drawn];
  })()`) as Promise<[number, number]>;
}

export async function chart(options: BenchOptions): Promise<unknown> {
  const server = await startServer({ root: path.join(PROJECT_ROOT, 'dist'), port: 0 });
  const browser = await launchBrowser();
  try {
    const load = os.loadavg()[0]!;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const open = async (): Promise<Page> => {
      const p = await ctx.newPage();
      await p.goto(`${server.url}?panel=sql`);
      await p.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: options.timeoutMs });
      const ms = await runSql(p, CREATE);
      console.log(`  created ${TABLE} (${ROWS.toLocaleString()} rows) in ${ms} ms`);
      return p;
    };
    const chartPage = await open();
    const sqlPage = await open();

    // The chart: default for the table, then a grouped bar chart (category × group).
    await chartPage.bringToFront();
    await chartPage.getByTestId('nav-chart').click();
    await chartPage.getByTestId('chart-source').selectOption(`table:${TABLE}`);
    await waitChart(chartPage, 0, options.timeoutMs);
    await pick(chartPage, 'chart-mark', 'bar', options.timeoutMs);
    await pick(chartPage, 'chart-x', 'category', options.timeoutMs);
    await pick(chartPage, 'chart-y', 'value', options.timeoutMs);
    await pick(chartPage, 'chart-color', 'grp', options.timeoutMs);
    await pick(chartPage, 'chart-layout', 'group', options.timeoutMs);
    await pick(chartPage, 'chart-aggregate', 'sum', options.timeoutMs).catch(() => {});

    const aggregates = ['mean', 'sum'];
    const chartMs: number[] = [];
    const chartQueryMs: number[] = [];
    const drawnMs: number[] = [];
    const queryMs: number[] = [];
    const total = options.warmup + options.runs;
    for (let i = 0; i < total; i++) {
      const agg = aggregates[i % 2]!;
      const order = i % 2 === 0 ? ['chart', 'query'] : ['query', 'chart'];
      let c = 0;
      let q = 0;
      let cq = 0;
      let d = 0;
      for (const which of order) {
        if (which === 'chart') {
          // a page in the background gets its timers and frames throttled
          await chartPage.bringToFront();
          [c, d] = await timeChange(chartPage, 'chart-aggregate', agg);
          await waitChart(chartPage, 0, options.timeoutMs);
          cq = Number(/(\d+)\s*毫秒/.exec((await chartPage.getByTestId('chart-meta').textContent()) ?? '')?.[1] ?? NaN);
        } else {
          // the exact query the chart ran: the same builder, the specification from the chart page's URL
          const spec = await specInUrl(chartPage);
          const { sql } = buildChartSql({ ...spec, aggregate: agg as 'sum' | 'mean' }, `SELECT * FROM "${TABLE}"`, COLUMNS, { otherLabel: '其他' });
          await sqlPage.bringToFront();
          q = await runSql(sqlPage, sql);
        }
      }
      const warm = i < options.warmup;
      console.log(`  ${warm ? 'warm-up' : 'run'} ${i + 1}: ${agg.padEnd(4)} chart on screen ${c.toFixed(0)} ms (drawn after ${d.toFixed(0)} ms, its query ${cq} ms) · query alone ${q} ms`);
      if (!warm) {
        chartMs.push(c);
        chartQueryMs.push(cq);
        drawnMs.push(d);
        queryMs.push(q);
      }
    }
    const marks = await chartPage.locator('[data-testid="chart-view"] svg g[aria-label="bar"] rect').count();
    const s = { chart: summarize(chartMs), drawn: summarize(drawnMs), chartQuery: summarize(chartQueryMs), query: summarize(queryMs) };
    const ratio = s.chart.median / s.query.median;
    console.log('');
    console.log(`Grouped bar chart (40 categories × 4 groups, ${marks} bars) over ${ROWS.toLocaleString()} rows, ms (${options.runs} runs)`);
    printTable(
      ['measure', 'n', 'median', 'min', 'max'],
      [
        ['option change → chart on screen', s.chart.n, s.chart.median, s.chart.min, s.chart.max],
        ['  of which: Plot figure in the page', s.drawn.n, s.drawn.median, s.drawn.min, s.drawn.max],
        ['  of which: the chart query', s.chartQuery.n, s.chartQuery.median, s.chartQuery.min, s.chartQuery.max],
        ['same aggregate query alone', s.query.n, s.query.median, s.query.min, s.query.max],
      ],
    );
    console.log(`\nratio chart / query alone = ${ratio.toFixed(2)} (target ≤ 1.5)`);
    const file = await writeResults('chart', {
      date: new Date().toISOString(),
      options,
      rows: ROWS,
      environment: { node: process.version, cpus: os.cpus().length, chromium: browser.version(), loadAverageBefore: load },
      chartMs,
      chartQueryMs,
      drawnMs,
      queryMs,
      summary: s,
      ratio,
    });
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
    return { ratio, summary: s };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The chart specification in the page's URL (the URL follows the view after a short debounce). */
async function specInUrl(page: Page): Promise<ChartSpec> {
  for (let i = 0; i < 100; i++) {
    const spec = parseChartSpec(decodeView(new URL(page.url()).search).parts.chart);
    if (spec) return spec;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no chart specification in the URL');
}
