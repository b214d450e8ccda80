// Build benchmark: `npm run bench -- --only build --reports N` (default 30,000). A realistic corpus
// (tools/synth/realism.ts, one report year) is generated once into bench/cache/corpus-N (git-ignored); then the real
// CLI builds it in a child process, timed with its peak RSS (worker threads included), and compared with the parser
// alone on a sample of the same files in the same run: the build's reports/s over (parser reports/s × cores).
// Targets at 120,000 on the 2-core machine: ≤ 3 min wall, ≤ 2 GB RSS. The load average is printed: the machine is shared.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Manifest } from '../src/core/manifest.ts';
import { parseReport } from '../src/core/index.ts';
import { BENCH_DIR, PROJECT_ROOT, printTable, writeResults, type BenchOptions } from './lib.ts';

const SAMPLE = 1500;
const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');

async function ensureCorpus(n: number): Promise<string> {
  const dir = path.join(BENCH_DIR, 'cache', `corpus-${n}`);
  if (existsSync(dir) && readdirSync(dir).length === n) return dir;
  await rm(dir, { recursive: true, force: true });
  console.log(`generating ${n} realistic reports into ${path.relative(PROJECT_ROOT, dir)} (once)…`);
  await promisify(execFile)(TSX, ['tools/synth/cli-synth.ts', '--n', String(n), '--seed', '1', '--out', dir, '--realistic', '--no-truth'], { cwd: PROJECT_ROOT });
  return dir;
}

/** The parser alone, one thread, on a sample of the corpus (files read first): reports/s of CPU time. */
async function parserAlone(dir: string): Promise<{ perCoreCpu: number; wall: number }> {
  const names = readdirSync(dir).sort().slice(0, SAMPLE);
  const docs = await Promise.all(names.map((n) => readFile(path.join(dir, n))));
  for (let i = 0; i < 200; i++) parseReport(docs[i]!, names[i]!); // warm-up
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i++) parseReport(docs[i]!, names[i]!);
  const c = process.cpuUsage(c0);
  return { perCoreCpu: docs.length / ((c.user + c.system) / 1e6), wall: docs.length / ((performance.now() - t0) / 1000) };
}

/** The real CLI under /usr/bin/time: wall clock and the peak RSS of the build process (its worker threads included). */
function timedBuild(input: string, out: string): Promise<{ wallS: number; peakMB: number; cpuS: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M %U %S', TSX, 'src/pipeline/cli-build.ts', '--no-seeds', '--input', input, '--out', out], {
      cwd: PROJECT_ROOT, env: { ...process.env, WB_BUILD_TIMING: '1' },
    });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(log);
      if (code !== 0 || !m) return reject(new Error(`build failed (${code}):\n${log.slice(-2000)}`));
      resolve({ wallS: Number(m[1]), peakMB: Number(m[2]) / 1024, cpuS: Number(m[3]) + Number(m[4]), log });
    });
  });
}

export async function buildBench(options: BenchOptions): Promise<unknown> {
  const n = options.reports ?? 30_000;
  const corpus = await ensureCorpus(n);
  const out = path.join(BENCH_DIR, 'cache', `out-${n}`);
  const cores = availableParallelism();
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  const loadBefore = load();
  const parser = await parserAlone(corpus);
  const build = await timedBuild(corpus, out);
  const loadAfter = load();
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  const rate = n / build.wallS;
  const ideal = parser.perCoreCpu * cores;
  const steps = [...build.log.matchAll(/^merge: (.+) (\d+) ms$/gm)].map((m) => [m[1]!, Number(m[2]) / 1000] as const);
  const parsedIn = /parsed \d+ files in ([\d:]+)/.exec(build.log)?.[1] ?? '?';
  console.log(`${n} reports, ${cores} cores; load average before ${loadBefore}, after ${loadAfter} (1, 5, 15 min)`);
  printTable(['measure', 'value', 'target'], [
    ['build wall clock (s)', build.wallS, n >= 120_000 ? '≤ 180' : '—'],
    ['build peak RSS (MB)', Math.round(build.peakMB), '≤ 2048'],
    ['build CPU time (s)', build.cpuS, '—'],
    ['build reports/s (wall)', rate, '—'],
    ['parser alone reports/s per core (CPU)', parser.perCoreCpu, '—'],
    [`build ÷ parser alone × ${cores} cores`, rate / ideal, '→ 1'],
  ]);
  console.log(`parse phase ${parsedIn}; merge steps (s): ${steps.map(([k, s]) => `${k} ${s.toFixed(1)}`).join(', ')}`);
  const byTable = new Map<string, { files: number; bytes: number; rows: number; max: number }>();
  for (const f of manifest.layout!.files) {
    const t = byTable.get(f.table) ?? { files: 0, bytes: 0, rows: 0, max: 0 };
    byTable.set(f.table, { files: t.files + 1, bytes: t.bytes + f.bytes, rows: t.rows + f.rows, max: Math.max(t.max, f.bytes) });
  }
  const m = byTable.get('report_metrics')!;
  const tableRows: (string | number)[][] = manifest.tables.map((t) => {
    const p = byTable.get(t.name);
    return [t.name, t.bytes / 1e6, t.rows, p?.files ?? 0, (p?.bytes ?? 0) / 1e6, (p?.max ?? 0) / 1e6];
  });
  tableRows.push(['report_metrics', '—', m.rows, 1, m.bytes / 1e6, m.bytes / 1e6]);
  printTable(['table', 'flat MB', 'rows', 'partitions', 'parts MB', 'largest part MB'], tableRows);
  const file = await writeResults(`build-${n}`, {
    n_reports: n, cores, load_before: loadBefore, load_after: loadAfter, wall_s: build.wallS, peak_rss_mb: build.peakMB, cpu_s: build.cpuS,
    reports_per_s: rate, parser_per_core_cpu: parser.perCoreCpu, ratio_to_parser: rate / ideal, parse_phase: parsedIn, merge_steps: Object.fromEntries(steps),
    tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows, bytes: t.bytes })), partitions: Object.fromEntries(byTable),
  });
  console.log(`results: ${file}`);
  return build;
}
