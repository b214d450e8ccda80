import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A sibling temp path: same directory, so the final rename is atomic. Dot-prefixed so walkers skip it. */
export const tempPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes `path` via a temp file, so readers never see a half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withTempFile(path, (tmp) => writeFile(tmp, data));
}

/** Runs `produce(tmp)` and renames `tmp` over `path`; the temp file is removed when anything fails. */
export async function withTempFile(path: string, produce: (tmp: string) => Promise<unknown>): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    await produce(tmp);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
