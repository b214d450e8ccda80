import { DuckDBInstance } from '@duckdb/node-api';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelRows } from '../core/index.ts';
import type { LabelRow } from '../core/schema.ts';
import type { Manifest, ManifestTable } from '../core/manifest.ts';
import type { Coerced } from './buildPart.ts';
import { PIPELINE_CODES, type ParseReport, type PipelineCode } from './extractFile.ts';
import type { FileSummary } from './fileSummary.ts';
import { listInputFiles } from './listInputFiles.ts';
import { silentLogger, type Logger } from './logger.ts';
import { mergeParts, type CodeCount, type PartSource } from './mergeParts.ts';
import { OFFLINE_OPTIONS } from './openDuckDB.ts';
import { PART_TABLE_NAMES } from './partTables.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';
import { collectParts, type Task } from './workerPool.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';
import { FILES_DIR } from './writeSourceFile.ts';

export type { Manifest, ManifestTable, CodeCount };

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

export interface BuildDataOptions {
  /** directories (walked one level deep) or files */
  inputs: readonly string[];
  outDir: string;
  logger?: Logger;
  /** summary.ok is false when any file had errors or warnings */
  strict?: boolean;
  /** an injected parser runs in this thread (a function cannot be sent to a worker) */
  parse?: ParseReport;
  labels?: () => LabelRow[];
  now?: () => Date;
  /** called after each file is parsed, in input order, e.g. for a progress bar */
  onFile?: (file: FileSummary, done: number, total: number) => void;
  /**
   * called once per file with its final summary (a later copy made a duplicate, cross-year warnings counted), in
   * input order, as build-report.json is written
   */
  onSummary?: (file: FileSummary) => void;
  description?: { zh: string; en: string };
  /** worker threads parsing files (default: one per core, none below 64 files; 0: this thread) */
  workers?: number;
  /** return every FileSummary in the summary (default true; the CLI leaves them in build-report.json only) */
  keepFiles?: boolean;
  /** where the build's temporary databases go (default: the OS temp folder) */
  tmpDir?: string;
}

export interface BuildSummary {
  ok: boolean;
  out_dir: string;
  built_at: string;
  elapsed_ms: number;
  n_files: number;
  n_reports: number;
  n_skipped: number;
  /** files with errors / with warnings */
  n_files_with_errors: number;
  n_files_with_warnings: number;
  /** per diagnostic code: how many files have it, and how many rows */
  codes: CodeCount[];
  /** empty unless keepFiles */
  files: FileSummary[];
  manifest: Manifest;
}

/** DuckDB's memory per worker part and for the merge: the build's peak stays near 2 GB whatever the corpus size. */
const PART_MEMORY = '192MB';
const MERGE_MEMORY = '1GB';

/** Below this many files a build parses in this thread: starting workers (≈0.5 s each) would cost more than they save. */
const SMALL_BUILD = 64;

const isPipelineCode = (code: string): code is PipelineCode => (PIPELINE_CODES as readonly string[]).includes(code);

/** Files of this shard: every count-th of the sorted inputs, so shards are equal in size and disjoint. */
const inShard = (shard: Shard | undefined) => (t: Task) => !shard || t.ord % shard.count === shard.index - 1;

async function collect(options: BuildDataOptions, tmp: string, shard?: Shard) {
  const { logger = silentLogger } = options;
  const candidates = await listInputFiles(options.inputs);
  const tasks = candidates.map((candidate, ord) => ({ ord, candidate })).filter(inShard(shard));
  let done = 0;
  const collected = await collectParts(tasks, {
    workers: options.workers ?? (tasks.length < SMALL_BUILD ? 0 : availableParallelism()),
    tmpDir: tmp,
    memoryLimit: PART_MEMORY,
    outDir: options.outDir,
    parse: options.parse,
    onFile(summary) {
      for (const d of summary.diagnostics)
        if (d.severity !== 'info' && isPipelineCode(d.code)) logger[d.severity === 'error' ? 'error' : 'warn'](`${summary.file}: ${d.message}`);
      options.onFile?.(summary, ++done, tasks.length);
    },
  });
  return { ...collected, n_candidates: candidates.length, n_tasks: tasks.length };
}

async function withTemp<T>(options: BuildDataOptions, run: (tmp: string) => Promise<T>): Promise<T> {
  const base = options.tmpDir ?? tmpdir();
  await mkdir(base, { recursive: true });
  const tmp = await mkdtemp(join(base, 'wb-build-'));
  try {
    return await run(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function merge(options: BuildDataOptions, tmp: string, sources: PartSource[], coerced: readonly Coerced[], started: number, builtAt: string, inputs: readonly string[]): Promise<BuildSummary> {
  const instance = await DuckDBInstance.create(join(tmp, 'merge.duckdb'), { ...OFFLINE_OPTIONS, memory_limit: MERGE_MEMORY, temp_directory: join(tmp, 'spill') });
  const connection = await instance.connect();
  try {
    const r = await mergeParts(connection, {
      sources, outDir: options.outDir, inputs, builtAt, started, strict: options.strict ?? false, labels: (options.labels ?? labelRows)(),
      logger: options.logger ?? silentLogger, coerced, description: options.description, keepFiles: options.keepFiles ?? true,
      onSummary: options.onSummary, tmpDir: tmp,
    });
    return {
      ok: r.ok, out_dir: options.outDir, built_at: builtAt, elapsed_ms: r.elapsed_ms, n_files: r.n_files, n_reports: r.n_reports, n_skipped: r.n_skipped,
      n_files_with_errors: r.n_files_with_errors, n_files_with_warnings: r.n_files_with_warnings, codes: r.codes, files: r.files, manifest: r.manifest,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Builds `<outDir>/<table>.parquet`, the partitioned layout `<outDir>/parts/`, `build-report.json` and, last,
 * `manifest.json` from the input reports. Files are parsed by a pool of worker threads, each appending its rows to a
 * DuckDB database on disk; DuckDB then reads those parts (duplicates dropped, X-YEAR-CARRY in SQL) into the outputs.
 */
export async function buildData(options: BuildDataOptions): Promise<BuildSummary> {
  const started = performance.now();
  const builtAt = (options.now?.() ?? new Date()).toISOString();
  // the PDFs of the last build's reports go; this build's are copied as their reports are parsed
  await rm(join(options.outDir, FILES_DIR), { recursive: true, force: true });
  return withTemp(options, async (tmp) => {
    const { parts, coerced } = await collect(options, tmp);
    return merge(options, tmp, parts.map((path) => ({ kind: 'duckdb', path })), coerced, started, builtAt, options.inputs);
  });
}

// ---- shards: one corpus split over processes or machines, merged by DuckDB reading their Parquet ----

export interface ShardInfo {
  version: 1;
  shard: Shard;
  /** files among all inputs (every shard lists them all, and takes its own) */
  n_candidates: number;
  n_files: number;
  inputs: readonly string[];
  built_at: string;
  coerced: Coerced[];
}

export const SHARD_FILE = 'shard.json';

/** Parses this shard's files into `<outDir>/<part table>.parquet` + shard.json, for `mergeShards`. */
export async function buildShard(options: BuildDataOptions & { shard: Shard }): Promise<ShardInfo> {
  const { shard } = options;
  if (!(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 1 && shard.index <= shard.count))
    throw new Error(`--shard ${shard.index}/${shard.count}: expected i/n with 1 ≤ i ≤ n`);
  const builtAt = (options.now?.() ?? new Date()).toISOString();
  return withTemp(options, async (tmp) => {
    const c = await collect(options, tmp, shard);
    await mkdir(options.outDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', { ...OFFLINE_OPTIONS, memory_limit: MERGE_MEMORY, temp_directory: join(tmp, 'spill') });
    const connection = await instance.connect();
    try {
      for (const [i, p] of c.parts.entries()) await connection.run(`ATTACH ${quoteLiteral(p)} AS p${i} (READ_ONLY)`);
      for (const t of PART_TABLE_NAMES) {
        const union = c.parts.map((_, i) => `SELECT * FROM p${i}.${quoteIdent(t)}`).join(' UNION ALL ');
        await connection.run(`COPY (${union}) TO ${quoteLiteral(join(options.outDir, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const info: ShardInfo = { version: 1, shard, n_candidates: c.n_candidates, n_files: c.n_tasks, inputs: options.inputs, built_at: builtAt, coerced: c.coerced };
    await writeFileAtomic(join(options.outDir, SHARD_FILE), `${JSON.stringify(info, null, 2)}\n`);
    return info;
  });
}

/** Reads the shard folders `dirs` (all n of one split) with DuckDB into the same outputs as buildData. */
export async function mergeShards(dirs: readonly string[], options: Omit<BuildDataOptions, 'inputs'>): Promise<BuildSummary> {
  const started = performance.now();
  const infos = await Promise.all(dirs.map(async (d) => {
    try {
      return JSON.parse(await readFile(join(d, SHARD_FILE), 'utf8')) as ShardInfo;
    } catch (error) {
      throw new Error(`${d}: not a shard folder (${SHARD_FILE}: ${error instanceof Error ? error.message : String(error)})`);
    }
  }));
  const count = infos[0]?.shard.count;
  if (count === undefined) throw new Error('--merge needs at least one shard folder');
  const seen = new Map<number, string>();
  for (const [i, info] of infos.entries()) {
    if (info.shard.count !== count) throw new Error(`${dirs[i]} is shard ${info.shard.index}/${info.shard.count}, the others are of ${count}`);
    if (info.n_candidates !== infos[0]!.n_candidates) throw new Error(`${dirs[i]} listed ${info.n_candidates} input files, ${dirs[0]} ${infos[0]!.n_candidates}: not the same inputs`);
    if (seen.has(info.shard.index)) throw new Error(`shard ${info.shard.index}/${count} given twice (${seen.get(info.shard.index)}, ${dirs[i]})`);
    seen.set(info.shard.index, dirs[i]!);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  const builtAt = (options.now?.() ?? new Date()).toISOString();
  // each shard copied its reports' PDFs under its own folder; the merged data set serves them all
  await rm(join(options.outDir, FILES_DIR), { recursive: true, force: true });
  for (const d of dirs) if (existsSync(join(d, FILES_DIR))) await cp(join(d, FILES_DIR), join(options.outDir, FILES_DIR), { recursive: true });
  return withTemp({ ...options, inputs: [] }, (tmp) =>
    merge({ ...options, inputs: [] }, tmp, dirs.map((dir) => ({ kind: 'shard', dir })), infos.flatMap((i) => i.coerced), started, builtAt, infos[0]!.inputs),
  );
}
