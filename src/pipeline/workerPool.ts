import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BuildPart, type Coerced } from './buildPart.ts';
import type { ParseReport } from './extractFile.ts';
import type { FileSummary } from './fileSummary.ts';
import type { InputFile } from './listInputFiles.ts';

export interface WorkerData { partPath: string; memoryLimit: string; outDir: string }
export type WorkerTask = { type: 'file'; ord: number; candidate: InputFile } | { type: 'close' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'file'; ord: number; summary: FileSummary }
  | { type: 'closed'; coerced: Coerced }
  | { type: 'failed'; message: string };

export interface Task { ord: number; candidate: InputFile }

export interface CollectOptions {
  /** worker threads; 0 parses in this thread (the only way with an injected parser, which cannot cross threads) */
  workers: number;
  /** where the part databases go */
  tmpDir: string;
  /** per part */
  memoryLimit: string;
  /** the build's output folder (PDFs are copied to its files/) */
  outDir: string;
  parse?: ParseReport;
  /** called once per file, in input order */
  onFile(summary: FileSummary, ord: number): void;
}

export interface CollectedParts {
  /** DuckDB database files, one per worker */
  parts: string[];
  coerced: Coerced[];
}

/** Files in flight per worker: one parsing while the next one is read. */
const IN_FLIGHT = 2;
const WORKER_ENTRY = new URL('./buildWorker.mjs', import.meta.url);

/** Calls `onFile` in task order although results arrive in any order; holds at most the files in flight. */
function inOrder(tasks: readonly Task[], onFile: CollectOptions['onFile']) {
  const waiting = new Map<number, FileSummary>();
  let next = 0;
  return (ord: number, summary: FileSummary) => {
    waiting.set(ord, summary);
    while (next < tasks.length && waiting.has(tasks[next]!.ord)) {
      const t = tasks[next++]!;
      onFile(waiting.get(t.ord)!, t.ord);
      waiting.delete(t.ord);
    }
  };
}

/** Parses `tasks` into part databases: a pool of worker threads, or this thread when `workers` is 0. */
export async function collectParts(tasks: readonly Task[], options: CollectOptions): Promise<CollectedParts> {
  const deliver = inOrder(tasks, options.onFile);
  if (options.workers === 0 || options.parse || tasks.length === 0) {
    const path = join(options.tmpDir, 'part-0.duckdb');
    const part = await BuildPart.create(path, { memoryLimit: options.memoryLimit });
    let coerced: Coerced;
    try {
      for (const t of tasks) deliver(t.ord, await part.add(t.ord, t.candidate, options.parse, options.outDir));
    } finally {
      coerced = part.close();
    }
    return { parts: [path], coerced: [coerced] };
  }
  const n = Math.max(1, Math.min(options.workers, Math.ceil(tasks.length / IN_FLIGHT)));
  const parts = Array.from({ length: n }, (_, i) => join(options.tmpDir, `part-${i}.duckdb`));
  const coerced = await runPool(tasks, parts, options.memoryLimit, options.outDir, deliver);
  return { parts, coerced };
}

function runPool(tasks: readonly Task[], parts: readonly string[], memoryLimit: string, outDir: string, deliver: (ord: number, s: FileSummary) => void): Promise<Coerced[]> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let closed = 0;
    let failed = false;
    const coerced: Coerced[] = [];
    const workers = parts.map((partPath, i) => {
      const worker = new Worker(WORKER_ENTRY, { workerData: { partPath, memoryLimit, outDir } satisfies WorkerData });
      const inFlight = new Map<number, string>();
      const feed = () => {
        while (inFlight.size < IN_FLIGHT && next < tasks.length) {
          const t = tasks[next++]!;
          inFlight.set(t.ord, t.candidate.path);
          worker.postMessage({ type: 'file', ord: t.ord, candidate: t.candidate } satisfies WorkerTask);
        }
        if (inFlight.size === 0 && next >= tasks.length) worker.postMessage({ type: 'close' } satisfies WorkerTask);
      };
      const fail = (message: string) => {
        if (failed) return;
        failed = true;
        for (const w of workers) void w.terminate();
        const files = [...inFlight.values()];
        reject(new Error(`build worker ${i} stopped: ${message}${files.length ? ` (files in flight: ${files.join(', ')})` : ''}`));
      };
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') feed();
        else if (m.type === 'file') {
          inFlight.delete(m.ord);
          deliver(m.ord, m.summary);
          feed();
        } else if (m.type === 'closed') {
          coerced[i] = m.coerced;
          void worker.terminate();
          if (++closed === parts.length) resolve(coerced);
        } else fail(m.message);
      });
      worker.on('error', (e) => fail(e.stack ?? e.message));
      worker.on('exit', (code) => { if (coerced[i] === undefined) fail(`exited with code ${code}`); });
      return worker;
    });
  });
}
