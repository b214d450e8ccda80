// Proves the e2e harness itself: static server rules, request/CSP recording, screenshots.
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, startServer, type StaticServer } from './index.ts';

// expect.poll waits 1 s by default: too short on a busy 2-core machine.
const POLL = { timeout: 15_000 };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
// Smallest valid module: magic + version.
const EMPTY_WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let tmp: string;
let browser: Browser;
let strict: StaticServer; // site with a CSP meta tag (header derived from it)
let open: StaticServer; // site without CSP

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'wb-harness-'));
  const strictRoot = path.join(tmp, 'strict');
  const openRoot = path.join(tmp, 'open');
  await mkdir(path.join(strictRoot, 'assets'), { recursive: true });
  await mkdir(openRoot, { recursive: true });
  await writeFile(
    path.join(strictRoot, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>harness</title><script type="module" src="./assets/app.js"></script></head>
<body><h1>政务公开年报工作台</h1><p id="status">loading</p></body></html>`,
  );
  await writeFile(
    path.join(strictRoot, 'assets/app.js'),
    `const r = await WebAssembly.instantiateStreaming(fetch('./assets/empty.wasm'));
document.getElementById('status').textContent = r.instance ? 'wasm ok' : 'no wasm';`,
  );
  await writeFile(path.join(strictRoot, 'assets/empty.wasm'), EMPTY_WASM);
  await writeFile(
    path.join(strictRoot, 'assets/worker.js'),
    `fetch('http://example.invalid/from-worker').catch(() => {});`,
  );
  await writeFile(
    path.join(openRoot, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>open</title></head>
<body><p>open site</p><script>fetch('http://example.invalid/x').catch(() => {});</script></body></html>`,
  );
  strict = await startServer({ root: strictRoot, port: 0 });
  open = await startServer({ root: openRoot, port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await strict?.close();
  await open?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('e2e harness', () => {
  it('serves a static folder and records a clean same-origin page', async () => {
    const p = await openPage(browser, strict.url);
    try {
      await expect.poll(() => p.page.textContent('#status'), POLL).toBe('wasm ok');
      expect(await p.page.textContent('h1')).toBe('政务公开年报工作台');

      const probe = await p.page.evaluate(async () => {
        const missing = await fetch('./assets/missing.wasm');
        const wasm = await fetch('./assets/empty.wasm');
        const dir = await fetch('./assets/');
        return {
          missingStatus: missing.status,
          missingType: missing.headers.get('content-type'),
          wasmStatus: wasm.status,
          wasmType: wasm.headers.get('content-type'),
          dirStatus: dir.status,
          csp: wasm.headers.get('content-security-policy'),
        };
      });
      expect(probe.missingStatus).toBe(404);
      expect(probe.missingType).not.toMatch(/html/);
      expect(probe.dirStatus).toBe(404);
      expect(probe.wasmStatus).toBe(200);
      expect(probe.wasmType).toBe('application/wasm');
      expect(probe.csp).toBe(CSP);

      expect(p.requests.map((r) => new URL(r.url).pathname)).toContain('/assets/empty.wasm');
      expect(p.foreignRequests()).toEqual([]);
      expect(p.cspViolations).toEqual([]);
      expect(p.pageErrors).toEqual([]);
      // The only console error is the browser's report of the deliberate 404.
      expect(p.consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);

      const file = await screenshot(p.page, 'harness-strict');
      expect(existsSync(file)).toBe(true);
    } finally {
      await p.close();
    }
  });

  it('records CSP violations', async () => {
    const p = await openPage(browser, strict.url);
    try {
      await p.page.evaluate(() => fetch('http://example.invalid/blocked').catch(() => 'blocked'));
      await expect.poll(() => p.cspViolations.length, POLL).toBeGreaterThan(0);
      expect(p.cspViolations[0]?.effectiveDirective).toBe('connect-src');
      expect(p.cspViolations[0]?.blockedURI).toContain('example.invalid');
      // Dedicated workers get the CSP from their response header; their violations are recorded too.
      await p.page.evaluate(() => {
        new Worker('./assets/worker.js');
      });
      const fromWorker = () => p.cspViolations.find((v) => v.blockedURI === 'http://example.invalid/from-worker');
      await expect.poll(fromWorker, POLL).toBeTruthy();
      expect(fromWorker()?.effectiveDirective).toBe('connect-src');
      expect(fromWorker()?.documentURI).toMatch(/\/assets\/worker\.js$/);
      expect(p.foreignRequests()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('catches requests that leave the origin', async () => {
    const p = await openPage(browser, open.url);
    try {
      await expect.poll(() => p.foreignRequests().length, POLL).toBeGreaterThan(0);
      const foreign = p.foreignRequests();
      expect(foreign[0]?.url).toBe('http://example.invalid/x');
      // Offline: the request fails; that's expected.
      await expect.poll(() => p.foreignRequests()[0]?.failure, POLL).toBeTruthy();
      // data: and blob: URLs are not foreign.
      await p.page.evaluate(async () => {
        await fetch('data:text/plain,hi');
        await fetch(URL.createObjectURL(new Blob(['x'])));
      });
      expect(p.foreignRequests().map((r) => r.url)).toEqual(['http://example.invalid/x']);
    } finally {
      await p.close();
    }
  });
});
