// The Content-Security-Policy in index.html, and a production build that needs no exception to it: no inline
// script, no inline event handler, every script from the page's own origin. The e2e safety suite proves in
// Chromium that the policy blocks injected scripts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The policy of a document's `<meta http-equiv="Content-Security-Policy">`, directive → sources. */
function metaCsp(html: string): Map<string, string[]> {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = tag && /content="([^"]*)"/i.exec(tag)?.[1];
  if (!content) throw new Error('no Content-Security-Policy meta tag');
  const out = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Scripts and handlers a CSP without 'unsafe-inline' would have to block. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs = '', body = ''] = m;
    if (!/\ssrc=/i.test(attrs) || body.trim()) found.push(`inline <script${attrs}>`);
    const src = /\ssrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? '';
    if (/^(?:[a-z]+:)?\/\//i.test(src) || /^(?:data|javascript):/i.test(src)) found.push(`foreign script ${src}`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi)) found.push(`handler ${m[0]}`);
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

function expectStrictPolicy(csp: Map<string, string[]>): void {
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  for (const d of ['script-src', 'worker-src', 'connect-src', 'default-src']) {
    const sources = csp.get(d) ?? [];
    expect(sources, d).not.toContain("'unsafe-inline'");
    expect(sources, d).not.toContain("'unsafe-eval'");
    // only the origin itself: no host, no scheme wildcard (data:/blob:/https:) for code or connections
    expect(sources.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'"), d).toEqual([]);
  }
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
  // images: the page's own, and data:/blob: for Plot's colour ramps and the PNG export; never a host
  expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  // frame-ancestors, report-uri and sandbox are ignored in a meta tag (Chromium logs an error for each);
  // frame-ancestors belongs in the host's response header (README, deployment notes).
  for (const d of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox']) expect(csp.has(d), d).toBe(false);
}

describe('index.html Content-Security-Policy', () => {
  const html = readFileSync(path.join(ROOT, 'index.html'), 'utf8');

  it('allows only the page’s own origin, and WebAssembly', () => {
    expectStrictPolicy(metaCsp(html));
  });

  it('the source page has no inline script', () => {
    expect(inlineCode(html)).toEqual([]);
  });

  it('the checks catch inline code and a loosened policy', () => {
    expect(inlineCode('<script>alert(1)</script>')).toHaveLength(1);
    expect(inlineCode('<script type="module" src="http://evil.example/x.js"></script>')).toEqual(['foreign script http://evil.example/x.js']);
    expect(inlineCode('<img src=x onerror="alert(1)">')).toHaveLength(1);
    expect(inlineCode('<script type="module" src="./assets/index-1.js"></script>')).toEqual([]);
    const loose = html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    expect(() => expectStrictPolicy(metaCsp(loose))).toThrow();
  });
});

describe('vite production build', () => {
  let built: string;
  let assets: Rollup.OutputBundle[string][];

  beforeAll(async () => {
    // Built in memory (write: false): the test does not depend on a dist/ that may be stale or missing.
    const out = (await build({ root: ROOT, logLevel: 'silent', build: { write: false, emptyOutDir: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    assets = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
    const page = assets.find((a) => a.fileName === 'index.html');
    if (!page || page.type !== 'asset') throw new Error('build emitted no index.html');
    built = String(page.source);
  }, 120_000);

  it('keeps the policy and emits no inline script', () => {
    expectStrictPolicy(metaCsp(built));
    expect(inlineCode(built)).toEqual([]);
    expect(built).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
  });

  it('the built dist/index.html, when there is one, is the same kind of page', () => {
    const dist = path.join(ROOT, 'dist/index.html');
    if (!existsSync(dist)) return;
    const html = readFileSync(dist, 'utf8');
    expectStrictPolicy(metaCsp(html));
    expect(inlineCode(html)).toEqual([]);
  });

  it('no emitted chunk loads code from another origin', () => {
    const code = assets.filter((a) => a.type === 'chunk').map((a) => (a as Rollup.OutputChunk).code);
    expect(code.length).toBeGreaterThan(3);
    // import("https://…") or importScripts("https://…") would need a foreign script-src
    for (const c of code) expect(c).not.toMatch(/\bimport(?:Scripts)?\s*\(\s*["'`]https?:\/\//);
  });
});
