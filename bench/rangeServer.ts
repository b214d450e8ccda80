// A static server for benchmarks that answers HTTP Range requests (206) and counts the bytes it sends, as any
// production static host (nginx, a CDN) would serve Parquet or DuckDB files. /data/* is served from `dataDir`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { createStaticHandler } from '../scripts/serve.mjs';

export interface RangeServer {
  url: string;
  /** bytes of response bodies sent since the last reset, and how many requests */
  counters(): { bytes: number; requests: number; ranges: number };
  reset(): void;
  close(): Promise<void>;
}

export async function startRangeServer(root: string, dataDir: string): Promise<RangeServer> {
  const statics = createStaticHandler(root);
  let bytes = 0;
  let requests = 0;
  let ranges = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/data/')) {
      requests++;
      res.on('finish', () => { bytes += Number(res.getHeader('Content-Length') ?? 0); });
      return void statics(req, res);
    }
    const file = path.resolve(dataDir, decodeURIComponent(url.pathname.slice('/data/'.length)));
    if (!file.startsWith(path.resolve(dataDir) + path.sep)) return void res.writeHead(400).end();
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return void res.writeHead(404).end();
    }
    requests++;
    if (process.env.WB_RANGE_LOG) console.log(`${req.method} ${url.pathname} ${req.headers.range ?? ''}`);
    const common = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-cache' };
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (m) {
      ranges++;
      if (m[1] === '') start = Math.max(0, size - Number(m[2]));
      else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(size - 1, Number(m[2]));
      }
      if (start > end || start >= size) return void res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` }).end();
      res.writeHead(206, { ...common, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) });
    } else res.writeHead(200, { ...common, 'Content-Length': String(size) });
    if (req.method === 'HEAD') return void res.end();
    bytes += end - start + 1;
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    counters: () => ({ bytes, requests, ranges }),
    reset() {
      bytes = 0;
      requests = 0;
      ranges = 0;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
