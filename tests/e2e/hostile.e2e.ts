// Hostile build input in Chromium: the generated hostile folder (tests/hostile/writeHostileFiles.ts) plus the seeds,
// built through the CLI. The overview counts the problem files and links to the build diagnostics; every hostile
// file is listed there with its code explained in Chinese and in English; file names with markup stay text; the
// report that carries <script> and <img onerror> in its own text opens in the reader as text — no element from it,
// no script run, no page error, no request to another origin.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zh } from '../../src/i18n/messages/hostile.ts';
import type { FileSummary } from '../../src/pipeline/fileSummary.ts';
import { HOSTILE_FILES, IMG_IN_TEXT, PWNED, SCRIPT_IN_TEXT, writeHostileFiles, type HostileFile } from '../hostile/writeHostileFiles.ts';
import { buildDataset, openWorkbench, screenshot, type OpenedPage, type ServedDataset } from './harness/index.ts';

const ALL = Object.values(HOSTILE_FILES) as HostileFile[];
let input: string;
let app: ServedDataset;
let opened: OpenedPage;
let page: Page;
let close: (() => Promise<void>) | undefined;
let buildReport: { files: FileSummary[] };

const fileEntry = (name: string) => page.getByTestId('diag-file').filter({ has: page.getByTestId('diag-file-name').getByText(name, { exact: true }) });
const explanation = (dict: Record<string, string>, code: string) => dict[`diag_code_${code}`]!;

async function atWidth<T>(width: number, height: number, run: () => Promise<T>): Promise<T> {
  await page.setViewportSize({ width, height });
  try {
    return await run();
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

beforeAll(async () => {
  input = await mkdtemp(path.join(os.tmpdir(), 'wb-hostile-e2e-'));
  await writeHostileFiles(input);
  app = await buildDataset([input]);
  buildReport = JSON.parse(await readFile(path.join(app.root, 'data', 'build-report.json'), 'utf8'));
  ({ opened, page, close } = await openWorkbench(app));
});

afterAll(async () => {
  await close?.();
  if (input) await rm(input, { recursive: true, force: true });
});

describe('build diagnostics in the workbench', () => {
  it('the overview counts the files with problems and links to the diagnostics', async () => {
    const problems = buildReport.files.filter((f) => f.diagnostics.some((d) => d.severity !== 'info')).length;
    expect(problems).toBeGreaterThanOrEqual(ALL.filter((f) => f.severity !== 'info').length);
    const link = page.getByTestId('overview-diagnostics');
    await link.waitFor();
    expect(await link.getAttribute('data-problems')).toBe(String(problems));
    expect(await link.textContent()).toContain(zh.diag_overview_link.replace('{n}', String(problems)));
    await screenshot(page, 'hostile-overview-1280');
    await link.click();
    await page.getByTestId('diag-files').waitFor();
    await page.waitForURL((url) => url.searchParams.get('panel') === 'diagnostics');
  });

  it('lists each hostile file by its name, as text, with its code explained in Chinese', async () => {
    for (const f of ALL) {
      const entry = fileEntry(f.name);
      expect(await entry.count(), f.name).toBe(1);
      const item = entry.locator(`[data-testid="diag-item"][data-code="${f.code}"]`);
      expect(await item.getAttribute('data-severity'), f.name).toBe(f.severity);
      expect(await item.getByTestId('diag-explain').textContent(), f.name).toBe(explanation(zh, f.code));
      // the pipeline's own words stay beside the explanation
      expect((await item.getByTestId('diag-message').textContent())!.length, f.name).toBeGreaterThan(10);
      expect(await entry.getByTestId('diag-open-report').count(), f.name).toBe(f.built || f.code === 'duplicate' ? 1 : 0);
    }
    // names with spaces, Chinese and markup are text: no element was made from the name
    expect(await page.locator('[data-testid="diag-files"] img, [data-testid="diag-files"] b').count()).toBe(0);
    expect(await page.getByTestId('diag-file-name').getByText(HOSTILE_FILES.dupA.name, { exact: true }).count()).toBe(1);
    await screenshot(page, 'hostile-diagnostics-zh-1280');
    await atWidth(390, 844, () => screenshot(page, 'hostile-diagnostics-zh-390'));
  });

  it('filters by severity and by code', async () => {
    await page.getByTestId('diag-show-problems').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="diag-file"]')].every((e) => e.getAttribute('data-severity') !== 'info'));
    expect(await fileEntry(HOSTILE_FILES.gb18030.name).count()).toBe(0);
    expect(await fileEntry(HOSTILE_FILES.scanPdf.name).count()).toBe(1);
    await page.getByTestId('diag-show-all').click();
    await page.getByTestId('diag-code-binary').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="diag-file"]').length === 2);
    expect(await fileEntry(HOSTILE_FILES.png.name).count()).toBe(1);
    expect(await fileEntry(HOSTILE_FILES.docx.name).count()).toBe(1);
    await page.getByTestId('diag-code-binary').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="diag-file"]').length >= n, ALL.length);
  });

  it('explains the same codes in English after switching the language', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { name: en.diag_heading }).waitFor();
    for (const f of ALL) {
      const item = fileEntry(f.name).locator(`[data-testid="diag-item"][data-code="${f.code}"]`);
      expect(await item.getByTestId('diag-explain').textContent(), f.name).toBe(explanation(en, f.code));
    }
    await screenshot(page, 'hostile-diagnostics-en-1280');
    await atWidth(390, 844, () => screenshot(page, 'hostile-diagnostics-en-390'));
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { name: zh.diag_heading }).waitFor();
  });

  it('the report with <script> and <img onerror> in its text opens in the reader as text, and nothing of it runs', async () => {
    await fileEntry(HOSTILE_FILES.html.name).getByTestId('diag-open-report').click();
    const text = page.getByTestId('viewer-text');
    await text.waitFor();
    await page.waitForFunction((s) => document.querySelector('[data-testid="viewer-text"]')?.textContent?.includes(s), SCRIPT_IN_TEXT);
    const shown = (await text.textContent())!;
    expect(shown).toContain(SCRIPT_IN_TEXT);
    expect(shown).toContain(IMG_IN_TEXT);
    const dom = await page.evaluate((flag) => ({
      pwned: (window as unknown as Record<string, unknown>)[flag],
      inText: document.querySelectorAll('[data-testid="viewer-text"] *:is(script, img, iframe, b)').length,
      onerror: document.querySelectorAll('[onerror], [onload], [onclick], iframe, img[src="x"]').length,
      foreignScripts: [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).map((s) => s.outerHTML.slice(0, 80)),
    }), PWNED);
    expect(dom).toEqual({ pwned: undefined, inText: 0, onerror: 0, foreignScripts: [] });
    await screenshot(page, 'hostile-reader-1280');
    await atWidth(390, 844, () => screenshot(page, 'hostile-reader-390'));
  });

  it('the report of the 20 MiB file opens in the reader', async () => {
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('overview-diagnostics').click();
    const started = Date.now();
    await fileEntry(HOSTILE_FILES.large.name).getByTestId('diag-open-report').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-text"]')?.textContent?.includes('附件（扫描件，base64 编码）'), undefined, { timeout: 60_000 });
    process.stdout.write(`reader: the 20 MiB file's report (${HOSTILE_FILES.large.name}) on screen ${Date.now() - started} ms after the click\n`);
    expect(await page.getByTestId('viewer-title').textContent()).toContain('年度报告');
  });

  it('no page error, no CSP violation, no request to another origin during the whole tour', async () => {
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED)).toBeUndefined();
    expect(opened.pageErrors).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(opened.foreignRequests()).toEqual([]);
  });
});
