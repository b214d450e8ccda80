// Query failure modes in real Chromium on the seed data: each error keeps DuckDB's words and adds an explanation
// (zh, and en at the end); cancelling by button and by Esc; the page stays responsive during a long query;
// DuckDB's own Out of Memory Error; a real crash of the WebAssembly engine, recovered without reloading the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage, openWorkbench, runSql, screenshot, setSql, sqlFirstCell, startApp } from './harness/index.ts';

// expect.poll waits 1 s by default: too short on a busy 2-core machine.
const POLL = { timeout: 30_000 };
/** Runs for ever (10^12 rows): only cancelling ends it. */
const ENDLESS = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

let page: Page;
let opened: OpenedPage;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, opened, close } = await openWorkbench(await startApp()));
  await page.getByTestId('nav-sql').click();
});

afterAll(async () => {
  await close?.();
});

const error = () => page.getByTestId('sql-error');
const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

/** Runs `sql` and returns the error block's class and its texts. */
async function failing(sql: string) {
  await runSql(page, sql);
  await error().waitFor();
  return {
    kind: await error().getAttribute('data-kind'),
    headline: await text('sql-error-headline'),
    explain: await text('sql-error-explain'),
    all: (await error().textContent()) ?? '',
  };
}

async function expectWorks(): Promise<void> {
  expect(await sqlFirstCell(page, 'SELECT count(*) AS n FROM reports')).toBe('5');
  expect(await error().count()).toBe(0);
}

/** Starts the endless query and waits until it runs. */
async function startEndless(): Promise<void> {
  await setSql(page, ENDLESS);
  await page.getByTestId('sql-run').click();
  await expect.poll(() => page.getByTestId('sql-cancel').isEnabled(), POLL).toBe(true);
}

const cancelledShown = () => expect.poll(() => text('result-meta'), POLL).toBe('查询已取消');

describe('query failures, explained (zh)', () => {
  it('a syntax error keeps DuckDB’s message, explains it and marks the position in the editor', async () => {
    const e = await failing('SELECT report_id\nFORM reports');
    expect(e.kind).toBe('syntax');
    expect(e.headline).toMatch(/^Parser Error: syntax error at or near "reports"$/);
    expect(e.explain).toMatch(/^语法错误/);
    expect(await text('sql-error-at')).toMatch(/第 2 行第 6 列/);
    // the caret lines DuckDB prints stay verbatim
    expect(e.all).toContain('LINE 2: FORM reports');
    const mark = page.locator('.cm-lintRange-error').first();
    await mark.waitFor();
    expect(await mark.textContent()).toBe('r');
    await screenshot(page, 'failures-syntax-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'failures-syntax-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectWorks();
  });

  it('an unknown column lists the candidates DuckDB suggests (Binder Error)', async () => {
    const e = await failing('SELECT orgn FROM reports');
    expect(e.kind).toBe('unknown_column');
    expect(e.headline).toBe('Binder Error: Referenced column "orgn" not found in FROM clause!');
    expect(e.explain).toContain('找不到列 “orgn”');
    const names = await page.locator('[data-testid="sql-error-candidates"] code').allTextContents();
    expect(names[0]).toBe('organ');
    expect(names).toContain('organ_level');
    await screenshot(page, 'failures-binder-1280');
    // a suggested name replaces the unknown one in the editor
    await page.getByTestId('sql-error-candidate').first().click();
    expect(await page.locator('.cm-content').textContent()).toBe('SELECT organ FROM reports');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('result-rows').textContent().catch(() => ''), POLL).toBe('5 行');
    expect(await error().count()).toBe(0);
  });

  it('an unknown table names DuckDB’s guess (Catalog Error)', async () => {
    const e = await failing('SELECT * FROM report');
    expect(e.kind).toBe('unknown_table');
    expect(e.headline).toMatch(/^Catalog Error: Table with name report does not exist!/);
    expect(e.explain).toContain('“report”');
    expect(await page.locator('[data-testid="sql-error-candidates"] code').allTextContents()).toEqual(['reports']);
  });

  it('a failed cast is a Conversion Error (类型转换失败) and the next query works', async () => {
    const e = await failing(`SELECT 'abc'::INTEGER AS n`);
    expect(e.kind).toBe('conversion');
    expect(e.headline).toBe(`Conversion Error: Could not convert string 'abc' to INT32`);
    expect(e.explain).toMatch(/^类型转换失败/);
    await page.locator('.cm-lintRange-error').first().waitFor();
    await expectWorks();
  });

  it('division by zero is no error in DuckDB-WASM (Infinity or NULL); integer overflow and error() are explained', async () => {
    await runSql(page, 'SELECT 1 / 0 AS a, 1 // 0 AS b, 1 % 0 AS c');
    expect(await error().count()).toBe(0);
    expect(await page.locator('[data-testid="results-grid"] [role="gridcell"]').allTextContents()).toEqual(['Infinity', 'NULL', 'NULL']);

    const overflow = await failing('SELECT 2147483647::INTEGER + 1 AS n');
    expect(overflow.kind).toBe('out_of_range');
    expect(overflow.headline).toBe('Out of Range Error: Overflow in addition of INT32 (2147483647 + 1)!');
    expect(overflow.explain).toMatch(/^数值超出范围/);
    expect(overflow.explain).toContain('除以零不会报错');

    const raised = await failing(`SELECT error('停在这里') AS x`);
    expect(raised.kind).toBe('invalid_input');
    expect(raised.headline).toBe('Invalid Input Error: 停在这里');
    expect(raised.explain).toContain('error()');
    await expectWorks();
  });

  it('DuckDB’s Out of Memory Error is explained and the database stays usable', async () => {
    // The guard refuses SET of a database-wide setting from the editor (it would change every panel), so the test
    // lowers DuckDB's limit through the engine itself to provoke DuckDB's own out-of-memory error.
    const setLimit = (sql: string) =>
      page.evaluate((s) => (globalThis as unknown as { __workbench: { engine: { sys(q: string): Promise<unknown> } } }).__workbench.engine.sys(s).then(() => true), sql);
    try {
      expect(await setLimit(`SET memory_limit = '32MB'`)).toBe(true);
      const e = await failing('SELECT count(*) AS n FROM (SELECT range % 3000000 AS k, count(*) AS c FROM range(6000000) GROUP BY k)');
      expect(e.kind).toBe('out_of_memory');
      expect(e.headline).toMatch(/^Out of Memory Error: /);
      expect(e.explain).toMatch(/^内存不足/);
      await screenshot(page, 'failures-oom-1280');
    } finally {
      // the limit is global to the database: it must not leak into the tests after this one
      await setLimit('RESET memory_limit');
    }
    expect(await sqlFirstCell(page, `SELECT current_setting('memory_limit') <> '30.5 MiB' AS reset`)).toBe('true');
    await expectWorks();
  });
});

describe('cancelling and responsiveness', () => {
  it('the Cancel button stops a running query', async () => {
    await startEndless();
    await page.getByTestId('sql-cancel').click();
    await cancelledShown();
    await expectWorks();
  });

  it('Esc in the editor stops a running query', async () => {
    await startEndless();
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Escape');
    await cancelledShown();
    await expectWorks();
  });

  it('Esc elsewhere on the SQL panel stops a running query', async () => {
    await startEndless();
    expect(await text('sql-hint')).toBe('运行中按 Esc 取消');
    // focus leaves the editor: a click on the panel's heading (not focusable) puts it on the body
    await page.locator('#sql-h').click();
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') ?? null)).toBeNull();
    await page.keyboard.press('Escape');
    await cancelledShown();
    await expectWorks();
  });

  it('the page stays responsive while a heavy query runs: frames keep coming, tabs switch, typing shows', async () => {
    await startEndless();
    // DuckDB works in its own worker: the page's thread keeps painting
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const tick = () => {
            n++;
            if (n < 10) requestAnimationFrame(tick);
            else resolve(n);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(frames).toBe(10);
    await page.getByTestId('nav-overview').click();
    await page.waitForSelector('[data-testid="overview-totals"]');
    await page.getByTestId('nav-sql').click();
    // still running after the round trip through another panel
    await expect.poll(() => page.getByTestId('sql-cancel').isEnabled(), POLL).toBe(true);
    await page.locator('.cm-content').click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' -- typed while running');
    await expect.poll(() => page.locator('.cm-content').textContent(), POLL).toContain('-- typed while running');
    // (typing may open the completion list, which would take an Esc: the button ends this one)
    await page.getByTestId('sql-cancel').click();
    await cancelledShown();
    await expectWorks();
  });
});

describe('a crashed engine', () => {
  it('is detected, re-initialised from the Parquet files without a page reload, and the SQL in the editor stays', async () => {
    await runSql(page, 'CREATE TABLE my_notes AS SELECT 1 AS x');
    expect(await error().count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    // A real trap, not a simulation: a 3.5 GB string does not fit the 4 GB WebAssembly heap; DuckDB-WASM 1.32 answers
    // "memory access out of bounds", and every later query on that engine fails the same way.
    const crash = "SELECT length(repeat('x', 3500000000)) AS n";
    const e = await failing(crash);
    expect(e.kind).toBe('crash');
    expect(e.headline).toMatch(/memory access out of bounds/);
    expect(e.explain).toMatch(/^DuckDB 引擎崩溃/);
    const notice = page.getByTestId('recovery');
    await expect.poll(() => notice.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
    expect(await page.getByTestId('recovery-lost').textContent()).toContain('my_notes');
    expect(await notice.textContent()).toContain('memory access out of bounds');
    await page.waitForSelector('[data-testid="status"][data-phase="ready"]');
    await screenshot(page, 'failures-recovered-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'failures-recovered-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.locator('.cm-content').textContent()).toBe(crash);
    // the base tables and views are back; the user's own table is gone
    await expectWorks();
    expect(await sqlFirstCell(page, 'SELECT count(*) AS n FROM report_metrics')).toBe('5');
    expect((await failing('SELECT * FROM my_notes')).kind).toBe('unknown_table');
    // lazily loaded tables load again on the new engine
    expect(await sqlFirstCell(page, 'SELECT count(*) AS n FROM texts')).toBe('5');
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('catalog-row').count(), POLL).toBe(5);
    await page.getByTestId('recovery-dismiss').click();
    expect(await page.getByTestId('recovery').count()).toBe(0);
    await page.getByTestId('nav-sql').click();
  });
});

/** DuckDB's worker in the page (playwright runs code inside it, as a stand-in for faults a test cannot cause). */
function duckdbWorker() {
  const w = page.workers().filter((x) => /duckdb-browser-eh\.worker/.test(x.url())).at(-1);
  if (!w) throw new Error(`no DuckDB worker among ${page.workers().map((x) => x.url()).join(', ')}`);
  return w;
}

async function expectRecovered(reason: RegExp, sql: string): Promise<void> {
  const notice = page.getByTestId('recovery');
  await expect.poll(() => notice.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
  expect(await notice.textContent()).toMatch(reason);
  expect(await page.locator('.cm-content').textContent()).toBe(sql);
  await page.waitForSelector('[data-testid="status"][data-phase="ready"]');
  await expectWorks();
  await page.getByTestId('recovery-dismiss').click();
}

describe('a worker that fails in other ways', () => {
  it('an uncaught error in the worker is detected at once and the database re-initialised', async () => {
    const before = duckdbWorker();
    await setSql(page, 'SELECT 7 AS kept');
    await before.evaluate(() => void setTimeout(() => { throw new Error('injected worker fault'); }));
    await expectRecovered(/worker error/, 'SELECT 7 AS kept');
    expect(duckdbWorker()).not.toBe(before);
  });

  it('a worker that stops answering: the query hangs, Esc cancels, and the silence is taken for a crash', async () => {
    await setSql(page, 'SELECT 42 AS answer');
    await duckdbWorker().evaluate(() => self.close());
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-cancel').isEnabled(), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await cancelledShown();
    await expectRecovered(/no answer after cancel/, 'SELECT 42 AS answer');
  });
});

describe('in English', () => {
  it('explains a failed cast and a syntax error in English', async () => {
    await page.getByTestId('lang-toggle').click();
    const e = await failing(`SELECT 'abc'::INTEGER AS n`);
    expect(e.headline).toBe(`Conversion Error: Could not convert string 'abc' to INT32`);
    expect(e.explain).toMatch(/^Conversion failed/);
    expect(e.all).toContain('Query failed');
    const s = await failing('SELECT * FORM reports');
    expect(s.explain).toMatch(/^Syntax error/);
    await screenshot(page, 'failures-syntax-en-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'failures-syntax-en-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('lang-toggle').click();
  });

  it('made no request to another origin and threw no page error', () => {
    expect(opened.foreignRequests()).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });
});
