// The reader on a report built from a PDF (the real WPS export in real-dev: 6 pages, ruled tables): its pages are
// drawn by pdf.js from data/files/, every number taken into a table has a box on its page, pointing at a box names
// the cell, clicking it selects the cell in the official table, and the text view is one click away. Nothing is
// fetched from another origin; pdf.js's worker, CMaps and fonts come from the build.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_DEV, realFile } from '../fixtures/realDev.ts';
import { buildDataset, openWorkbench, type ServedDataset, type WorkbenchSession } from './harness/index.ts';

const POLL = { timeout: 30_000 };
let input: string;
let app: ServedDataset;
let session: WorkbenchSession;
let page: Page;
const requests: string[] = [];
const violations: string[] = [];

describe.skipIf(!REAL_DEV)('the reader on a PDF report', () => {
  beforeAll(async () => {
    input = await mkdtemp(path.join(os.tmpdir(), 'wb-pdf-'));
    await copyFile(realFile('001.pdf'), path.join(input, '淮安市人民政府2024年报.pdf'));
    app = await buildDataset([input], { seeds: false });
    session = await openWorkbench(app);
    page = session.page;
    session.opened.context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('catalog-row').first().locator('button.title').click();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await rm(input, { recursive: true, force: true });
  });

  it('shows the PDF pages with a box on every number taken into a table', async () => {
    await page.getByTestId('viewer-pages').waitFor();
    await expect.poll(() => page.getByTestId('pdf-page').count(), POLL).toBe(6);
    // the page with 表三 is drawn: its canvas has pixels of the page, not a blank
    const box = page.locator('[data-testid="pdf-box"][data-key="applications.new_received.total"]');
    await box.scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page"][data-page="4"] canvas');
      if (!c || c.width === 0) return 0;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) dark++;
      return dark;
    }), POLL).toBeGreaterThan(1000);
    const boxes = await page.getByTestId('pdf-box').count();
    expect(boxes).toBeGreaterThanOrEqual(190);
    // 3119 (本年新收 总计) stands on page 4 near the right edge of the table
    expect(await box.evaluate((el) => el.closest('[data-testid="pdf-page"]')?.getAttribute('data-page'))).toBe('4');
    const rect = await box.evaluate((el) => ({ left: parseFloat((el as HTMLElement).style.left), top: parseFloat((el as HTMLElement).style.top) }));
    expect(rect.left).toBeGreaterThan(75);
    expect(rect.top).toBeGreaterThan(50);
  });

  it('pointing at a box names its cell; clicking selects it in the official table', async () => {
    const box = page.locator('[data-testid="pdf-box"][data-key="applications.new_received.total"]');
    await box.hover();
    await expect.poll(() => page.getByTestId('viewer-info').textContent(), POLL).toContain('3119');
    await box.click();
    await expect.poll(() => box.getAttribute('class'), POLL).toContain('active');
    await page.screenshot({ path: path.join(os.tmpdir(), 'pdf-reader-1280.png') });
  });

  it('the text view is one click away, and back', async () => {
    await page.getByTestId('viewer-page-toggle').click();
    await page.getByTestId('viewer-text').waitFor();
    expect(await page.locator('[data-testid="text-mark"][data-key="applications.new_received.total"]').textContent()).toBe('3119');
    await page.getByTestId('viewer-page-toggle').click();
    await page.getByTestId('viewer-pages').waitFor();
  });

  it('pdf.js, its worker and its data came from the page’s own origin; no request left it; the CSP refused nothing', () => {
    const origin = new URL(app.url).origin;
    expect(requests.filter((u) => new URL(u).origin !== origin && !u.startsWith('data:'))).toEqual([]);
    expect(requests.some((u) => /\/data\/files\/[0-9a-f]{16}\.pdf$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/assets\/pdf\.worker[^/]*\.mjs$/.test(u))).toBe(true);
    expect(requests.filter((u) => u.startsWith('blob:'))).toEqual([]);
    expect(violations).toEqual([]);
  });
});
