import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export const seedFiles = (): string[] => readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_/.test(f)).sort();

export const seedBytes = (prefix: string): { file: string; bytes: Uint8Array } => {
  const file = seedFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return { file, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, file))) };
};

const parsedSeeds = new Map<string, ParsedReport>();
/** The seed whose file name starts with `prefix`, parsed once per test file. */
export const parsedSeed = (prefix: string): ParsedReport => {
  let r = parsedSeeds.get(prefix);
  if (!r) {
    const { file, bytes } = seedBytes(prefix);
    parsedSeeds.set(prefix, (r = parseReport(bytes, file)));
  }
  return r;
};

/** mulberry32: a small seeded PRNG so random-input tests are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
