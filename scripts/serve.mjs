#!/usr/bin/env node
// `npm start`: serves the built app from dist/ on http://127.0.0.1:5173/ (next free port if busy), and the same server
// for the e2e harness and the benchmarks. Files come from sirv (ETag → 304, Range → 206, precompressed .br/.gz, .wasm as
// application/wasm, no directory listings, no dot files, unknown paths 404 — never index.html); around it only what
// sirv does not do: the security headers (the CSP read from index.html's meta tag, so that workers, which take
// their policy from their own response, get it too) and refusing a path whose real file lies outside dist/.
// Options: --port N (or $PORT), --host H (default 127.0.0.1), --root DIR (default dist/), --log.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';

const PROJECT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The policy of `<meta http-equiv="Content-Security-Policy" content="…">`, whitespace collapsed for a header. */
export function extractCspFromHtml(/** @type {string} */ html) {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value) return value.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Whether the real path of `file` (symlinks resolved) lies inside one of `roots`; false when it does not exist. */
function inside(/** @type {string} */ file, /** @type {string[]} */ roots) {
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return !existsSync(file);
  }
  return roots.some((r) => real === r || real.startsWith(r + path.sep));
}

/**
 * A request handler for `root`. Symlinks are followed only to files inside `root` itself or the project's dist/
 * (the e2e harness serves temporary sites whose entries link to dist/).
 * @param {string} root
 * @param {{ log?: boolean }} [opts]
 */
export function createStaticHandler(root, opts = {}) {
  const absRoot = path.resolve(root);
  const roots = [absRoot, PROJECT_DIST].filter(existsSync).map((r) => realpathSync(r));
  const index = path.join(absRoot, 'index.html');
  let csp = { mtime: -1, value: /** @type {string | null} */ (null) };
  const policy = () => {
    try {
      const mtime = statSync(index).mtimeMs;
      if (mtime !== csp.mtime) csp = { mtime, value: extractCspFromHtml(readFileSync(index, 'utf8')) };
    } catch {
      csp = { mtime: -1, value: null };
    }
    return csp.value;
  };
  const files = sirv(absRoot, {
    // looked up per request (not a listing taken at start): a rebuilt dist/ is served as it is now
    dev: true,
    etag: true,
    brotli: true,
    gzip: true,
    extensions: [],
    // revalidate (ETag → 304) everything but Vite's hashed assets, whose content never changes under a name
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      if (pathname.endsWith('.parquet')) res.setHeader('Content-Type', 'application/octet-stream');
    },
  });
  /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (opts.log) res.on('finish', () => console.log(`${res.statusCode} ${method} ${req.url}`));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const value = policy();
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '\0';
    }
    const html = pathname === '/' || pathname.endsWith('.html');
    // frame-ancestors works only from a header; it means something only for documents
    if (value) res.setHeader('Content-Security-Policy', html ? `${value}; frame-ancestors 'none'` : value);
    if (html) res.setHeader('X-Frame-Options', 'DENY');
    const end = (/** @type {number} */ status, /** @type {string} */ text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...(status === 405 ? { Allow: 'GET, HEAD' } : {}) });
      res.end(method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (method !== 'GET' && method !== 'HEAD') return end(405, 'Method Not Allowed');
    if (pathname === '/') req.url = `/index.html${req.url?.slice(1) ?? ''}`;
    const file = path.join(absRoot, pathname === '/' ? 'index.html' : pathname);
    const hidden = pathname.split('/').some((seg) => seg.startsWith('.'));
    if (hidden || pathname.includes('\0') || pathname.includes('\\') || ![file, `${file}.br`, `${file}.gz`].every((f) => inside(f, roots))) {
      return end(404, 'Not Found');
    }
    files(req, res, () => end(404, 'Not Found'));
  };
}

/**
 * Starts the server. If `port` is busy, the next ports are tried (up to 50); `port: 0` picks a free one.
 * @param {{ root: string, port?: number, host?: string, log?: boolean }} options
 * @returns {Promise<{ url: string, port: number, host: string, close: () => Promise<void> }>}
 */
export async function startServer({ root, port = 5173, host = '127.0.0.1', log = false }) {
  const server = createServer(createStaticHandler(root, { log }));
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  for (let attempt = 0, p = port; ; attempt++, p++) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(p, host, () => {
          server.off('error', reject);
          resolve(undefined);
        });
      });
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EADDRINUSE' || p === 0 || attempt >= 50) throw err;
    }
  }
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${actual}/`,
    port: actual,
    host,
    close: () =>
      new Promise((resolve, reject) => {
        for (const s of sockets) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

async function main() {
  const { values } = (await import('node:util')).parseArgs({
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, root: { type: 'string' }, log: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log('Usage: node scripts/serve.mjs [--port N] [--host H] [--root DIR] [--log]');
  const port = Number(values.port ?? process.env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
    process.exit(2);
  }
  const root = path.resolve(values.root ?? PROJECT_DIST);
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`${path.join(root, 'index.html')} not found. Build first: npm run build`);
    process.exit(1);
  }
  const server = await startServer({ root, port, host: values.host ?? '127.0.0.1', log: values.log ?? false });
  console.log(`政务公开年报工作台 Disclosure Report Workbench: ${server.url}`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
