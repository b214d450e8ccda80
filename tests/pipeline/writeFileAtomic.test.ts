import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { withTempFile, writeFileAtomic } from '../../src/pipeline/writeFileAtomic.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('writeFileAtomic(path, data) replaces the file and leaves nothing else', async () => {
  await writeFile(join(dir, 'x.json'), 'old');
  await writeFileAtomic(join(dir, 'x.json'), 'new');
  expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('new');
  expect(await readdir(dir)).toEqual(['x.json']);
});

test('withTempFile(path, produce) keeps the old file and removes the temp file when produce fails', async () => {
  await writeFile(join(dir, 'x.parquet'), 'old');
  const failing = withTempFile(join(dir, 'x.parquet'), async (tmp) => {
    await writeFile(tmp, 'half');
    throw new Error('disk full');
  });
  await expect(failing).rejects.toThrow('disk full');
  expect(await readFile(join(dir, 'x.parquet'), 'utf8')).toBe('old');
  expect(await readdir(dir)).toEqual(['x.parquet']);
});
