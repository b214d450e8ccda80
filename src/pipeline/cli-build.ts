// npm run build:data [-- --input DIR …] [--no-seeds] [--out DIR] [--strict] [--quiet] [--verbose] [--workers N]
//                    [--shard i/n] | [--merge DIR…]
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildData, buildShard, mergeShards, type BuildSummary, type Shard } from './buildData.ts';
import type { FileSummary } from './fileSummary.ts';
import { formatBuildSummary, formatFileLine } from './formatSummary.ts';
import { stderrLogger } from './logger.ts';
import { formatDuration, progressBar } from './progressBar.ts';

/** Up to this many files the build prints one line per file; past it a progress bar (on a TTY), lines with --verbose. */
const LINES_MAX_FILES = 50;
/** Defaults belong to the project, wherever it is run from; shown relative so build-report.json stays portable. */
const projectPath = (p: string) => relative(process.cwd(), fileURLToPath(new URL(`../../${p}`, import.meta.url))) || '.';

const USAGE = `usage: npm run build:data -- [--input DIR]… [--no-seeds] [--out DIR] [--strict] [--quiet] [--verbose] [--workers N]
       npm run build:data -- [--input DIR]… --shard i/n --out SHARD_DIR
       npm run build:data -- --merge SHARD_DIR… [--out DIR] [--strict]
  --input DIR   also parse DIR (or a file); repeatable; seeds/ stays included unless --no-seeds
  --out DIR     output folder (default public/data/)
  --strict      exit 1 when any file had errors or warnings
  --quiet       print only errors
  --verbose     one line per file (the default up to ${LINES_MAX_FILES} files; always in build-report.json)
  --workers N   worker threads parsing files (default: one per core, none below 64 files; 0: the main thread)
  --shard i/n   parse only every n-th file starting at the i-th (1 ≤ i ≤ n) into SHARD_DIR, for --merge;
                run the n shards anywhere (other processes, other machines) on the same inputs
  --merge DIR…  read the shard folders with DuckDB into the outputs (all n shards of one split)`;

function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`--shard ${text}: expected i/n, e.g. 2/4`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

async function main(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        'no-seeds': { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        workers: { type: 'string' },
        shard: { type: 'string' },
        merge: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (positionals.length && !values.merge) throw new Error(`unexpected argument ${positionals[0]}`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const quiet = values.quiet ?? false;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    process.stderr.write(`--workers ${values.workers}: expected a whole number\n`);
    return 2;
  }
  const inputs = [...(values['no-seeds'] ? [] : [projectPath('seeds')]), ...(values.input ?? [])];
  const bar = !quiet && process.stderr.isTTY ? progressBar(process.stderr) : null;
  let lines = values.verbose ?? false;
  const started = performance.now();
  const logger = stderrLogger({ quiet });
  const common = {
    strict: values.strict ?? false,
    logger: { ...logger, warn: (m: string) => { bar?.clear(); logger.warn(m); }, error: (m: string) => { bar?.clear(); logger.error(m); } },
    workers,
    keepFiles: false,
    onFile(file: FileSummary, done: number, total: number) {
      if (total <= LINES_MAX_FILES) lines = !quiet;
      bar?.update(done, total, file.source_file);
      if (done === total) {
        bar?.clear();
        if (!quiet && total > LINES_MAX_FILES) process.stderr.write(`parsed ${total} files in ${formatDuration((performance.now() - started) / 1000)}; writing the tables…\n`);
      }
    },
    onSummary(file: FileSummary) {
      if (lines && !quiet) process.stdout.write(`${formatFileLine(file)}\n`);
    },
  };

  if (values.shard) {
    if (values.merge) throw new Error('--shard and --merge do not go together');
    if (!values.out) throw new Error('--shard needs --out SHARD_DIR');
    const info = await buildShard({ ...common, inputs, outDir: values.out, shard: parseShard(values.shard) });
    bar?.clear();
    if (!quiet) process.stdout.write(`shard ${info.shard.index}/${info.shard.count}: ${info.n_files} of ${info.n_candidates} files parsed into ${values.out}; merge all ${info.shard.count} with --merge\n`);
    return 0;
  }
  const outDir = values.out ?? projectPath('public/data');
  let summary: BuildSummary;
  if (values.merge) summary = await mergeShards([...values.merge, ...positionals], { ...common, outDir });
  else summary = await buildData({ ...common, inputs, outDir });
  bar?.clear();
  if (!quiet) process.stdout.write(`${formatBuildSummary(summary)}\n`);
  if (!summary.ok) process.stderr.write(`strict: ${summary.n_files_with_errors} files with errors, ${summary.n_files_with_warnings} with warnings\n`);
  return summary.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`build:data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
