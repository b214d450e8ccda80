// Driving the workbench the way a user does: wait for start-up, type SQL into the editor, run it, read the grid.
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './app.ts';
import { launchBrowser } from './browser.ts';
import { openPage, type OpenedPage } from './page.ts';

/** Start-up done: DuckDB ready, start-up tables loaded. */
export async function waitReady(p: Page, timeout = 60_000): Promise<void> {
  await p.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout });
}

/** Replaces the editor's text, as typed. */
export async function setSql(p: Page, sql: string): Promise<void> {
  await p.locator('.cm-content').click();
  await p.keyboard.press('Control+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(sql);
}

/** Types `sql` into the SQL panel's editor, runs it (button or Ctrl+Enter) and waits until the run has ended. */
export async function runSql(p: Page, sql: string, via: 'button' | 'keys' = 'button'): Promise<void> {
  await p.getByTestId('nav-sql').click();
  await setSql(p, sql);
  if (via === 'keys') await p.keyboard.press('Control+Enter');
  else await p.getByTestId('sql-run').click();
  await p.waitForFunction(() => !document.querySelector('[data-testid="sql-cancel"]:not([disabled])'));
}

/** Runs `sql` and returns the text of the first cell of its result (null when the grid shows no cell). */
export async function sqlFirstCell(p: Page, sql: string): Promise<string | null> {
  await runSql(p, sql);
  const cell = p.locator('[data-testid="results-grid"] [role="gridcell"]').first();
  return (await cell.count()) ? cell.textContent() : null;
}

export interface WorkbenchSession {
  browser: Browser;
  opened: OpenedPage;
  page: Page;
  /** closes the page, the browser and the server */
  close(): Promise<void>;
}

/** A browser on `app` (the built app with the seeds unless given), started up and ready at 1280×800. */
export async function openWorkbench(app: RunningApp, readyTimeout = 60_000): Promise<WorkbenchSession> {
  const browser = await launchBrowser();
  const opened = await openPage(browser, app.url);
  const page = opened.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitReady(page, readyTimeout);
  return {
    browser,
    opened,
    page,
    async close() {
      await opened.close();
      await browser.close();
      await app.close();
    },
  };
}
