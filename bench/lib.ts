// Shared helpers for benchmarks: statistics, table printing, browser launch, results files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../tests/e2e/harness/browser.ts';
export { startServer, type StaticServer } from '../scripts/serve.mjs';

export const BENCH_DIR: string = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT: string = path.resolve(BENCH_DIR, '..');
export const RESULTS_DIR: string = path.join(BENCH_DIR, 'results');

/** Options every benchmark receives from bench/run.ts. */
export interface BenchOptions {
  /** Measured iterations per variant. */
  runs: number;
  /** Discarded iterations per variant before measuring (warms the OS file cache). */
  warmup: number;
  /** Time limit for one page load, ms. */
  timeoutMs: number;
  /** build bench: corpus size (generated once into bench/cache/) */
  reports?: number;
  /** layout bench: a build output folder */
  data?: string;
}

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  spread: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN, spread: Number.NaN };
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { n: values.length, median: median(values), min, max, spread: max - min };
}

/** Print a fixed-width table; numbers are right-aligned. */
export function printTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): void {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === '—'));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(Math.abs(n) >= 10 ? 1 : 2);
}

export async function writeResults(name: string, data: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  await writeFile(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}
