// The static server of `npm start` and the e2e harness: what it answers, and what it refuses.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StaticServer } from '../../scripts/serve.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...new Array(2000).fill(0)]);
let dir: string;
let server: StaticServer;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(new URL(path, server.url), { headers, method });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-serve-'));
  await mkdir(join(dir, 'assets'));
  await mkdir(join(dir, '.git'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><p>hi</p>`);
  await writeFile(join(dir, 'assets/a.wasm'), WASM);
  await writeFile(join(dir, 'assets/a.wasm.br'), brotliCompressSync(WASM));
  await writeFile(join(dir, 'data.parquet'), 'PAR1');
  await writeFile(join(dir, '.git/config'), 'secret');
  await writeFile(join(dir, '.env'), 'secret');
  await symlink('/etc/hostname', join(dir, 'outside.txt'));
  await symlink('/etc', join(dir, 'etc'));
  server = await startServer({ root: dir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startServer({ root })', () => {
  it('serves index.html at / with the CSP of its meta tag, frame-ancestors and nosniff', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('<p>hi</p>');
  });

  it('serves wasm as application/wasm with the same policy (workers take it from their response), precompressed when asked', async () => {
    const plain = await get('/assets/a.wasm', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-type')).toBe('application/wasm');
    expect(plain.headers.get('content-security-policy')).toBe(CSP);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(WASM);
    const br = await get('/assets/a.wasm', { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await br.arrayBuffer())).toEqual(WASM);
    expect(br.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('answers a repeat visit with 304 and a Range with 206', async () => {
    const first = await get('/data.parquet');
    expect(first.headers.get('content-type')).toBe('application/octet-stream');
    const etag = first.headers.get('etag')!;
    expect((await get('/data.parquet', { 'if-none-match': etag })).status).toBe(304);
    const part = await get('/data.parquet', { range: 'bytes=1-2' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1-2/4');
    expect(await part.text()).toBe('AR');
  });

  it('404s unknown paths (never index.html), directories, dot files and symlinks out of the root', async () => {
    for (const p of ['/missing.wasm', '/assets/', '/assets', '/.env', '/.git/config', '/outside.txt', '/etc/hostname', '/%2e%2e/etc/hostname']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get('content-type'), p).not.toMatch(/html/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', {}, 'HEAD')).status).toBe(200);
  });
});
