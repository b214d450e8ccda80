// Paging benchmark: a 5,000,000-row result in the SQL panel (headless Chromium, built app). Times the first rows on
// screen, the exact count (the statement materialised once in DuckDB), a jump to the last row; records the longest
// gap between two animation frames meanwhile (the page's responsiveness) and the JS heap after a GC. Baseline, in the
// same page and run: DuckDB alone materialising the same statement into a temp table (what counting costs at least),
// so the count is reported as a ratio to it.
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, PROJECT_ROOT, printTable, startServer, summarize, writeResults, type BenchOptions } from './lib.ts';

const SQL = `SELECT i, i*2 AS j, 'r'||i AS s FROM range(5000000) t(i)`;

// Page code as strings: tsx's name-keeping helper (__name) does not exist inside the page.
const START_FRAMES = `(() => {
  const w = window;
  w.__gap = 0;
  let last = performance.now();
  const tick = (t) => { w.__gap = Math.max(w.__gap, t - last); last = t; if (!w.__stop) requestAnimationFrame(tick); };
  w.__stop = false;
  requestAnimationFrame(tick);
})()`;

const BARE = `(async () => {
  const engine = window.__workbench.engine;
  const t0 = performance.now();
  await engine.sys('CREATE OR REPLACE TEMP TABLE __bench_floor AS ' + ${JSON.stringify(SQL)});
  const ms = performance.now() - t0;
  await engine.sys('DROP TABLE __bench_floor');
  return ms;
})()`;

async function once(p: Page, timeout: number): Promise<{ first: number; counted: number; end: number; gap: number; heapMb: number; floor: number; ratio: number }> {
  const floor = (await p.evaluate(BARE)) as number;
  await p.evaluate(START_FRAMES);
  const t0 = Date.now();
  await p.getByTestId('sql-run').click();
  await p.waitForSelector('[data-testid="result-rows"]', { timeout });
  const first = Date.now() - t0;
  await p.waitForSelector('[data-testid="result-rows"][data-status="paged"]', { timeout });
  const counted = Date.now() - t0;
  const t1 = Date.now();
  await p.getByTestId('page-last').click();
  await p.waitForSelector('[role="row"][aria-rowindex="5000001"]:not([aria-busy])', { timeout });
  const end = Date.now() - t1;
  const gap = (await p.evaluate('window.__stop = true, window.__gap')) as number;
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { first, counted, end, gap, heapMb: usedSize / 2 ** 20, floor, ratio: counted / floor };
}

export async function paging(options: BenchOptions): Promise<unknown> {
  const server = await startServer({ root: path.join(PROJECT_ROOT, 'dist'), port: 0 });
  const browser = await launchBrowser();
  try {
    const load = os.loadavg()[0]!;
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await p.goto(`${server.url}?panel=sql`);
    await p.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: options.timeoutMs });
    await p.locator('.cm-content').click();
    await p.keyboard.press('Control+A');
    await p.keyboard.press('Delete');
    await p.keyboard.insertText(SQL);
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const r = await once(p, options.timeoutMs);
      const warm = i < options.warmup;
      console.log(`  ${warm ? 'warm-up' : 'run'} ${i + 1}: first rows ${r.first} ms · counted ${r.counted} ms · last row ${r.end} ms · longest frame gap ${r.gap.toFixed(0)} ms · heap ${r.heapMb.toFixed(1)} MB · bare DuckDB ${r.floor.toFixed(0)} ms (count ${r.ratio.toFixed(2)}×)`);
      if (!warm) runs.push(r);
    }
    const s = Object.fromEntries((['first', 'counted', 'end', 'gap', 'heapMb', 'floor', 'ratio'] as const).map((k) => [k, summarize(runs.map((r) => r[k]))]));
    console.log(`\n5,000,000-row result (${options.runs} runs)`);
    printTable(
      ['measure', 'n', 'median', 'min', 'max'],
      [
        ['run → first rows on screen, ms', s.first!.n, s.first!.median, s.first!.min, s.first!.max],
        ['run → exact count, ms', s.counted!.n, s.counted!.median, s.counted!.min, s.counted!.max],
        ['baseline: DuckDB alone materialises it, ms', s.floor!.n, s.floor!.median, s.floor!.min, s.floor!.max],
        ['exact count / baseline (ratio)', s.ratio!.n, s.ratio!.median, s.ratio!.min, s.ratio!.max],
        ['jump → last row on screen, ms', s.end!.n, s.end!.median, s.end!.min, s.end!.max],
        ['longest gap between frames, ms', s.gap!.n, s.gap!.median, s.gap!.min, s.gap!.max],
        ['JS heap after GC, MB', s.heapMb!.n, s.heapMb!.median, s.heapMb!.min, s.heapMb!.max],
      ],
    );
    const file = await writeResults('paging', {
      date: new Date().toISOString(),
      options,
      sql: SQL,
      environment: { node: process.version, cpus: os.cpus().length, chromium: browser.version(), loadAverageBefore: load },
      runs,
      summary: s,
    });
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
    return s;
  } finally {
    await browser.close();
    await server.close();
  }
}
