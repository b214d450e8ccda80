// Start-up benchmark: the app's performance marks vs. the DuckDB-WASM "floor" page.
//
// Each iteration runs in a brand-new browser (fresh temporary user-data-dir) and a new context
// with the HTTP cache cleared and disabled through CDP, so every load is cold. App and floor
// iterations alternate to spread machine noise over both.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import {
  BENCH_DIR,
  PROJECT_ROOT,
  launchBrowser,
  printTable,
  startServer,
  summarize,
  writeResults,
  type BenchOptions,
  type StaticServer,
  type Summary,
} from './lib.ts';

export const APP_MARKS = ['wb:shell', 'wb:db-ready', 'wb:data-ready', 'wb:first-result'] as const;
export const FLOOR_MARKS = ['floor:instantiated', 'floor:done'] as const;
const APP_DONE = 'wb:first-result';
const FLOOR_DONE = 'floor:done';

export const FLOOR_ROOT: string = path.join(BENCH_DIR, 'floor');
export const FLOOR_DIST: string = path.join(FLOOR_ROOT, 'dist'); // git-ignored (dist/)
export const APP_DIST: string = path.join(PROJECT_ROOT, 'dist');

interface Iteration {
  ok: boolean;
  /** Mark name → startTime (ms since navigation start). */
  marks: Record<string, number>;
  navigation?: { responseEnd: number; domContentLoaded: number; load: number };
  error?: string;
  consoleErrors: string[];
  foreignRequests: string[];
}

interface Variant {
  name: 'app' | 'floor';
  url: string;
  doneMark: string;
  marks: readonly string[];
}

/** Build bench/floor with Vite (same DuckDB-WASM package and `?url` imports as the app). */
export async function buildFloor(): Promise<void> {
  await build({
    root: FLOOR_ROOT,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: FLOOR_DIST,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 4000,
    },
  });
}

async function measureOnce(variant: Variant, timeoutMs: number): Promise<Iteration> {
  let browser: Browser | undefined;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(variant.url).origin;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page: Page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.location().url ? `${m.text()} [${m.location().url}]` : m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) foreignRequests.push(u);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    await page.goto(variant.url, { waitUntil: 'commit', timeout: timeoutMs });
    let ok = true;
    let error: string | undefined;
    try {
      await page.waitForFunction(
        ([done, failed]) =>
          performance.getEntriesByName(done, 'mark').length > 0 ||
          performance.getEntriesByName(failed, 'mark').length > 0,
        [variant.doneMark, 'floor:error'] as const,
        { polling: 50, timeout: timeoutMs },
      );
      const failed = await page.evaluate(() => performance.getEntriesByName('floor:error', 'mark').length > 0);
      if (failed) {
        ok = false;
        error = 'page reported an error';
      }
    } catch (err) {
      ok = false;
      error = `${variant.doneMark} not reached within ${Math.round(timeoutMs / 1000)} s`;
      if (!(err instanceof Error && /Timeout/i.test(err.message))) error += ` (${String(err)})`;
    }
    const timing = await page.evaluate(() => {
      const marks: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) marks[m.name] = m.startTime;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        marks,
        navigation: nav
          ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd }
          : undefined,
      };
    });
    await context.close();
    return {
      ok,
      marks: timing.marks,
      ...(timing.navigation ? { navigation: timing.navigation } : {}),
      ...(error ? { error } : {}),
      consoleErrors,
      foreignRequests,
    };
  } catch (err) {
    return { ok: false, marks: {}, error: String(err), consoleErrors, foreignRequests };
  } finally {
    await browser?.close().catch(() => {});
  }
}

export interface StartupResult {
  date: string;
  options: BenchOptions;
  environment: {
    node: string;
    platform: string;
    cpus: number;
    chromium: string;
    /** 1-minute load averages: a busy machine makes the numbers noisy. */
    loadAverageBefore: number;
    loadAverageAfter: number;
  };
  floor: { iterations: Iteration[]; summary: Record<string, Summary> };
  app: { skipped?: string; iterations: Iteration[]; summary: Record<string, Summary> };
  /** Mark → app median / floor:done median. */
  ratios: Record<string, number>;
}

function summarizeMarks(iterations: Iteration[], names: readonly string[]): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  const okOnes = iterations.filter((it) => it.ok);
  for (const name of names) {
    out[name] = summarize(okOnes.map((it) => it.marks[name]).filter((v): v is number => v !== undefined));
  }
  return out;
}

function describeFailure(label: string, it: Iteration): void {
  console.log(`  ${label}: ${it.error ?? 'failed'}`);
  const seen = Object.entries(it.marks).map(([k, v]) => `${k}=${v.toFixed(0)}ms`);
  if (seen.length) console.log(`    marks reached: ${seen.join(', ')}`);
  for (const e of it.consoleErrors.slice(0, 5)) console.log(`    console error: ${e.slice(0, 300)}`);
  if (it.foreignRequests.length) console.log(`    foreign requests: ${it.foreignRequests.slice(0, 5).join(', ')}`);
}

export async function startup(options: BenchOptions): Promise<StartupResult> {
  console.log('Building the floor page (bench/floor) with Vite…');
  await buildFloor();

  const servers: StaticServer[] = [];
  try {
    const floorServer = await startServer({ root: FLOOR_DIST, port: 0 });
    servers.push(floorServer);
    const floor: Variant = { name: 'floor', url: floorServer.url, doneMark: FLOOR_DONE, marks: FLOOR_MARKS };

    let app: Variant | undefined;
    let appSkipped: string | undefined;
    if (existsSync(path.join(APP_DIST, 'index.html'))) {
      const appServer = await startServer({ root: APP_DIST, port: 0 });
      servers.push(appServer);
      app = { name: 'app', url: appServer.url, doneMark: APP_DONE, marks: APP_MARKS };
    } else {
      appSkipped = 'dist/index.html not found (build the app first: npm run build)';
      console.log(`App skipped: ${appSkipped}. Measuring the floor only.`);
    }

    const load = os.loadavg()[0]!;
    if (load > os.cpus().length * 0.75) {
      console.log(
        `Warning: the machine is busy (1-min load average ${load.toFixed(1)} on ${os.cpus().length} CPUs); timings will be noisy.`,
      );
    }
    const probe = await launchBrowser();
    const chromium = probe.version();
    await probe.close();

    const floorIterations: Iteration[] = [];
    const appIterations: Iteration[] = [];
    const total = options.warmup + options.runs;
    for (let i = 0; i < total; i++) {
      const warm = i < options.warmup;
      const label = warm ? `warm-up ${i + 1}/${options.warmup}` : `run ${i - options.warmup + 1}/${options.runs}`;
      // Alternate which variant goes first, so neither always follows the other.
      const order: Variant[] = app ? (i % 2 === 0 ? [app, floor] : [floor, app]) : [floor];
      for (const v of order) {
        const it = await measureOnce(v, options.timeoutMs);
        const done = it.marks[v.doneMark];
        console.log(`  ${label} ${v.name.padEnd(5)} ${it.ok && done !== undefined ? `${v.doneMark} ${done.toFixed(0)} ms` : 'FAILED'}`);
        if (!it.ok) describeFailure(`${v.name} ${label}`, it);
        else if (it.foreignRequests.length) describeFailure(`${v.name} ${label} (foreign requests!)`, it);
        if (!warm) (v.name === 'app' ? appIterations : floorIterations).push(it);
        if (v.name === 'app' && !it.ok && !appIterations.some((x) => x.ok)) {
          // The app never got to its first result: don't spend another minute per iteration on it.
          appSkipped = `${it.error ?? 'the app failed'}; remaining app iterations skipped`;
          console.log(`App: ${appSkipped}. Continuing with the floor only.`);
          if (warm) appIterations.push(it); // keep the failure (marks reached, errors) in the JSON
          app = undefined;
        }
      }
    }

    const floorSummary = summarizeMarks(floorIterations, FLOOR_MARKS);
    const appSummary = summarizeMarks(appIterations, APP_MARKS);
    const floorMedian = floorSummary[FLOOR_DONE]?.median ?? Number.NaN;
    const ratios: Record<string, number> = {};
    for (const m of APP_MARKS) ratios[m] = (appSummary[m]?.median ?? Number.NaN) / floorMedian;

    console.log('');
    console.log(
      `Start-up, cold cache, ms since navigation start (${options.runs} runs each; ratio = median / floor:done median = ${floorMedian.toFixed(0)} ms)`,
    );
    const rows: Array<Array<string | number>> = [];
    for (const m of FLOOR_MARKS) {
      const s = floorSummary[m]!;
      rows.push([m, s.n, s.median, s.min, s.max, s.spread, s.median / floorMedian]);
    }
    for (const m of APP_MARKS) {
      const s = appSummary[m]!;
      rows.push([m, s.n, s.median, s.min, s.max, s.spread, ratios[m]!]);
    }
    printTable(['mark', 'n', 'median', 'min', 'max', 'spread', 'ratio'], rows);
    if (appSkipped) console.log(`\nApp: ${appSkipped}`);

    const result: StartupResult = {
      date: new Date().toISOString(),
      options,
      environment: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: os.cpus().length,
        chromium,
        loadAverageBefore: load,
        loadAverageAfter: os.loadavg()[0]!,
      },
      floor: { iterations: floorIterations, summary: floorSummary },
      app: { ...(appSkipped ? { skipped: appSkipped } : {}), iterations: appIterations, summary: appSummary },
      ratios,
    };
    const file = await writeResults('startup', result);
    console.log(`\nResults: ${path.relative(process.cwd(), file)}`);
    return result;
  } finally {
    for (const s of servers) await s.close();
  }
}
