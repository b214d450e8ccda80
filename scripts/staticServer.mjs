// Tiny dependency-free static file server for the built app (dist/).
// Used by `npm start` (scripts/serve.mjs), the end-to-end test harness and the benchmark.
//
// Rules:
// - `index.html` is served for `/` only. Any other missing path is a 404 — never an HTML
//   fallback (a mistyped .wasm path that returns HTML fails with a confusing "expected magic word").
// - No directory traversal: the resolved path must stay inside `root`.
// - The Content-Security-Policy header is read from the `<meta http-equiv="Content-Security-Policy">`
//   in `<root>/index.html` (one source of truth) and sent with every response, so workers —
//   which take their CSP from their own response headers — get the same policy.
import { createServer } from 'node:http';
import { createReadStream, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/octet-stream',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** @param {string} file */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** @param {string} s */
function decodeHtmlEntities(s) {
  return s
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Extract the Content-Security-Policy from an HTML document's
 * `<meta http-equiv="Content-Security-Policy" content="…">` (attribute order and quoting free).
 * @param {string} html
 * @returns {string | null}
 */
export function extractCspFromHtml(html) {
  const metaTags = html.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    /** @type {Record<string, string>} */
    const attrs = {};
    const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;
    let m;
    while ((m = re.exec(tag))) {
      attrs[m[1].toLowerCase()] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
    if ((attrs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy' && attrs.content) {
      // Header values cannot contain newlines; collapse whitespace.
      return attrs.content.replace(/\s+/g, ' ').trim();
    }
  }
  return null;
}

/**
 * Read the CSP from `<root>/index.html`, cached by mtime (dist/ may be rebuilt while serving).
 * @param {string} root
 */
function cspReader(root) {
  const indexFile = path.join(root, 'index.html');
  let cachedMtime = -1;
  /** @type {string | null} */
  let cached = null;
  return () => {
    try {
      const mtime = statSync(indexFile).mtimeMs;
      if (mtime !== cachedMtime) {
        cached = extractCspFromHtml(readFileSync(indexFile, 'utf8'));
        cachedMtime = mtime;
      }
    } catch {
      cached = null;
      cachedMtime = -1;
    }
    return cached;
  };
}

/**
 * @param {string} root absolute root directory
 * @param {string} rawUrl request URL (path + query)
 * @returns {string | null} absolute file path inside root, or null if the path is invalid/outside
 */
export function resolveRequestPath(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '/index.html') return path.join(root, 'index.html');
  const resolved = path.resolve(root, '.' + pathname);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  // Refuse hidden files/dirs (".git", ".env", …) anywhere in the path.
  if (path.relative(root, resolved).split(path.sep).some((seg) => seg.startsWith('.'))) return null;
  return resolved;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} headers
 * @param {boolean} head
 */
function sendText(res, status, message, headers, head) {
  const body = Buffer.from(message + '\n', 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
  });
  res.end(head ? undefined : body);
}

/**
 * @param {string} root
 * @param {{ log?: boolean }} [opts]
 */
export function createStaticHandler(root, opts = {}) {
  const absRoot = path.resolve(root);
  const readCsp = cspReader(absRoot);
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    /** @type {Record<string, string>} */
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    const csp = readCsp();
    if (csp) common['Content-Security-Policy'] = csp;
    if (opts.log) res.on('finish', () => console.log(`${res.statusCode} ${method} ${req.url}`));

    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed', { ...common, Allow: 'GET, HEAD' }, head);
      return;
    }
    const file = resolveRequestPath(absRoot, req.url ?? '/');
    if (!file) {
      sendText(res, 400, 'Bad Request', common, head);
      return;
    }
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      stat = null;
    }
    if (!stat || !stat.isFile()) {
      // No index.html fallback, no directory listings.
      sendText(res, 404, 'Not Found', common, head);
      return;
    }
    res.writeHead(200, {
      ...common,
      'Content-Type': mimeType(file),
      'Content-Length': String(stat.size),
      'Last-Modified': stat.mtime.toUTCString(),
    });
    if (head) {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<void>}
 */
function listenOnce(server, port, host) {
  return new Promise((resolve, reject) => {
    /** @param {Error} err */
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Start the static server. If `port` is busy, the next ports are tried (up to 50).
 * `port: 0` picks a free ephemeral port.
 * @param {{ root: string, port?: number, host?: string, log?: boolean }} options
 * @returns {Promise<{ url: string, port: number, host: string, close: () => Promise<void> }>}
 */
export async function startServer({ root, port = 5173, host = '127.0.0.1', log = false }) {
  const absRoot = path.resolve(root);
  const handler = createStaticHandler(absRoot, { log });
  const server = createServer((req, res) => {
    handler(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  let tryPort = port;
  for (let attempt = 0; ; attempt++) {
    try {
      await listenOnce(server, tryPort, host);
      break;
    } catch (err) {
      const code = /** @type {NodeJS.ErrnoException} */ (err).code;
      if (code === 'EADDRINUSE' && tryPort !== 0 && attempt < 50 && tryPort < 65535) {
        tryPort += 1;
        continue;
      }
      throw err;
    }
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : tryPort;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${actualPort}/`;
  return {
    url,
    port: actualPort,
    host,
    close: () =>
      new Promise((resolve, reject) => {
        for (const s of sockets) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
