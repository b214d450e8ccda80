// Benchmark entry point: `tsx bench/run.ts [--only startup[,other]] [--runs N] [--warmup N] [--timeout S]`
// (`npm run bench` builds the app first). Each benchmark is a module exporting
// `(options: BenchOptions) => Promise<unknown>`; register new ones in BENCHMARKS below.
import { chart } from './chart.ts';
import { startup } from './startup.ts';
import { parse } from './parse.ts';
import { paging } from './paging.ts';
import { layout } from './layout.ts';
import { buildBench } from './build.ts';
import type { BenchOptions } from './lib.ts';

type Benchmark = (options: BenchOptions) => Promise<unknown>;

const BENCHMARKS: Record<string, { run: Benchmark; description: string }> = {
  startup: {
    run: startup,
    description: 'cold start-up of the app (wb:* marks) vs. a bare DuckDB-WASM page (floor)',
  },
  parse: {
    run: parse,
    description: 'parser throughput: generated reports (10–25 KB) parsed per second on one core',
  },
  chart: {
    run: chart,
    description: 'option change → grouped bar chart on screen over 1M rows vs. the same aggregate query alone',
  },
  build: {
    run: buildBench,
    description: 'build:data on a realistic corpus (--reports N, default 30000): wall, peak RSS, reports/s vs the parser alone',
  },
  layout: {
    run: layout,
    description: 'partitioned build in DuckDB-WASM: open one report / national aggregate via parquet-wasm, hyparquet, an attached DuckDB file',
  },
  paging: {
    run: paging,
    description: '5,000,000-row result: first rows, exact count, jump to the last row, longest frame gap, JS heap',
  },
};

function usage(): string {
  const list = Object.entries(BENCHMARKS)
    .map(([name, b]) => `  ${name.padEnd(10)} ${b.description}`)
    .join('\n');
  return `Usage: tsx bench/run.ts [--only NAME[,NAME]] [--runs N] [--warmup N] [--timeout SECONDS]

  --runs N       measured iterations per variant (default 7)
  --warmup N     discarded iterations per variant first (default 1)
  --timeout S    seconds to wait for the last mark of one page load (default 60)
  --only NAMES   comma-separated benchmarks to run (default: all)
  --reports N    build: corpus size (default 30000; generated once into bench/cache/)
  --data DIR     layout: a build output folder (default bench/cache/out-30000)

Benchmarks:
${list}`;
}

function parseArgs(argv: string[]): { options: BenchOptions; only: string[] } {
  const options: BenchOptions = { runs: 7, warmup: 1, timeoutMs: 60_000 };
  let only = Object.keys(BENCHMARKS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}`);
      return n;
    };
    switch (flag) {
      case '--runs':
        options.runs = int(1);
        break;
      case '--warmup':
        options.warmup = int(0);
        break;
      case '--timeout':
        options.timeoutMs = int(1) * 1000;
        break;
      case '--reports':
        options.reports = int(1);
        break;
      case '--data':
        options.data = value();
        break;
      case '--only':
        only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--help':
      case '-h':
        console.log(usage());
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option: ${arg}`);
    }
  }
  const unknown = only.filter((n) => !(n in BENCHMARKS));
  if (unknown.length) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}`);
  return { options, only };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
  for (const name of parsed.only) {
    console.log(`\n=== ${name} ===`);
    await BENCHMARKS[name]!.run(parsed.options);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
