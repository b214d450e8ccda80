#!/usr/bin/env node
// After `vite build`: precompressed copies (.br, .gz) of dist/assets' wasm, scripts and styles, which the server
// (scripts/serve.mjs) and hosts that support it send instead. Only hashed assets: a copy can never be older than its
// file. Brotli quality 5: 34 MB of wasm in ~5 s to 6.2 MB (quality 11 takes 3 min for 5.2 MB, measured here).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'dist', 'assets');
const br = promisify(brotliCompress);
const gz = promisify(gzip);

const names = (await readdir(dir)).filter((n) => /\.(wasm|js|css)$/.test(n));
await Promise.all(
  names.map(async (name) => {
    const file = path.join(dir, name);
    if ((await stat(file)).size < 1024) return;
    const bytes = await readFile(file);
    const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
    await writeFile(`${file}.br`, await br(bytes, { params }));
    await writeFile(`${file}.gz`, await gz(bytes, { level: 9 }));
  }),
);
console.log(`precompressed ${names.length} files in ${path.relative(process.cwd(), dir) || dir}`);
