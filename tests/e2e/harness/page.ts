// Opening a page in a fresh browser context and recording what it does on the network and console.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { PROJECT_ROOT } from './app.ts';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Set when the request failed (offline, blocked, aborted). */
  failure?: string;
}

export interface CspViolation {
  blockedURI: string;
  violatedDirective: string;
  effectiveDirective: string;
  originalPolicy: string;
  sourceFile: string;
  lineNumber: number;
  disposition: string;
  documentURI: string;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Origin of the URL given to openPage (e.g. `http://127.0.0.1:41234`). */
  appOrigin: string;
  /** Every request made by the context's pages and their dedicated workers, in order. */
  requests: RecordedRequest[];
  /** `console.error` messages (text, with location). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** `securitypolicyviolation` events reported by the documents. */
  cspViolations: CspViolation[];
  /** Requests whose origin differs from the app's (ignoring `data:` and `blob:` URLs). */
  foreignRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** Navigate to the URL (default true). Set false to register extra listeners first. */
  navigate?: boolean;
  /** Playwright `waitUntil` for the first navigation (default 'load'). */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

const CSP_BINDING = '__wbHarnessReportCsp';

const CSP_INIT_SCRIPT = `(() => {
  const list = (globalThis.__wbCspViolations = globalThis.__wbCspViolations || []);
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = {
      blockedURI: e.blockedURI, violatedDirective: e.violatedDirective,
      effectiveDirective: e.effectiveDirective, originalPolicy: e.originalPolicy,
      sourceFile: e.sourceFile, lineNumber: e.lineNumber, disposition: e.disposition,
      documentURI: e.documentURI,
    };
    list.push(v);
    try { if (typeof globalThis.${CSP_BINDING} === 'function') globalThis.${CSP_BINDING}(v); } catch {}
  }, true);
})();`;

function isIgnoredScheme(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:');
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Parse a worker's CSP console error ("Connecting to 'URL' violates … directive: "…"") into a record. */
function workerCspViolation(text: string, workerUrl: string): CspViolation | null {
  // One violation logs two errors ("… violates the following Content Security Policy directive …"
  // and "Fetch API cannot load … Refused to connect …"); keep the first kind only.
  if (!/violates the following Content Security Policy directive/i.test(text)) return null;
  const blocked = (/'([a-z][a-z0-9+.-]*:[^']*)'/i.exec(text) ?? /'([^']+)'/.exec(text))?.[1] ?? '';
  const directive = /directive: "([^"]+)"/.exec(text)?.[1] ?? '';
  const effective = /'([a-z-]+-src)' was not explicitly set/.exec(text)?.[1] ?? directive.split(' ')[0] ?? '';
  return {
    blockedURI: blocked,
    violatedDirective: directive,
    effectiveDirective: effective,
    originalPolicy: '',
    sourceFile: workerUrl,
    lineNumber: 0,
    disposition: 'enforce',
    documentURI: workerUrl,
  };
}

function describeConsole(msg: ConsoleMessage): string {
  const loc = msg.location();
  const where = loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
  return `${msg.text()}${where}`;
}

/**
 * Create a fresh context (downloads accepted, zh-CN, 1280×800) and a page; record requests,
 * console errors, page errors and CSP violations; navigate to `url`.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const appOrigin = new URL(url).origin;
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const requests: RecordedRequest[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  const byRequest = new Map<Request, RecordedRequest>();

  await context.exposeBinding(CSP_BINDING, (_source, v: CspViolation) => {
    cspViolations.push(v);
  });
  await context.addInitScript(CSP_INIT_SCRIPT);

  context.on('request', (req) => {
    const rec: RecordedRequest = { url: req.url(), method: req.method(), resourceType: req.resourceType() };
    byRequest.set(req, rec);
    requests.push(rec);
  });
  context.on('requestfailed', (req) => {
    const rec = byRequest.get(req);
    if (rec) rec.failure = req.failure()?.errorText ?? 'failed';
  });
  const watchPage = async (p: Page): Promise<void> => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(describeConsole(msg));
    });
    p.on('pageerror', (err) => pageErrors.push(err.stack ?? String(err)));
    // Dedicated workers (DuckDB runs in one): their console.error calls…
    p.on('worker', (worker) => {
      worker.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`[worker ${worker.url()}] ${describeConsole(msg)}`);
      });
    });
    // …and their CSP violations, which fire no document event and reach neither Playwright's
    // console events nor the request log (blocked before the network): only CDP's Log domain.
    try {
      const cdp = await context.newCDPSession(p);
      cdp.on('Log.entryAdded', ({ entry }) => {
        if (entry.source !== 'worker' || entry.level !== 'error') return;
        const v = workerCspViolation(entry.text, entry.url ?? '');
        if (!v) return;
        cspViolations.push(v);
        consoleErrors.push(`[worker ${entry.url ?? ''}] ${entry.text}`);
      });
      await cdp.send('Log.enable');
    } catch {
      // Page closed before the session attached; nothing to record.
    }
  };
  const watching = new Map<Page, Promise<void>>();
  const watch = (p: Page): Promise<void> => {
    let ready = watching.get(p);
    if (!ready) {
      ready = watchPage(p);
      watching.set(p, ready);
    }
    return ready;
  };
  context.on('page', (p) => void watch(p));

  const page = await context.newPage();
  await watch(page);
  if (options.navigate !== false) {
    await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  }

  return {
    context,
    page,
    appOrigin,
    requests,
    consoleErrors,
    pageErrors,
    cspViolations,
    foreignRequests: () =>
      requests.filter((r) => !isIgnoredScheme(r.url) && originOf(r.url) !== appOrigin),
    close: () => context.close(),
  };
}

export const SCREENSHOT_DIR: string = path.join(PROJECT_ROOT, 'tests/e2e/__screenshots__');

/** Full-page screenshot to `tests/e2e/__screenshots__/<name>.png`; returns the file path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
