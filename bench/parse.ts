// Parser throughput on one core: generated reports of realistic size (10–25 KB, every layout, both formats),
// parsed end to end by parseReport (decode, normalise, segment, detect, metadata, tables, checks, facts); then the
// readers of original files (bench/parseDocuments.ts): PDF pages/s, .docx files/s, the real 6-page PDF.
import { loadToSimplified, parseReport } from '../src/core/index.ts';
import { generateReport } from '../tools/synth/generate.ts';
import { printTable, summarize, writeResults, type BenchOptions } from './lib.ts';
import { parseDocuments } from './parseDocuments.ts';

const N = 2000;

export async function parse(options: BenchOptions): Promise<unknown> {
  // mirror-site labels in traditional script go through OpenCC: loaded once, as the build does on the first such file
  await loadToSimplified();
  const enc = new TextEncoder();
  const docs = Array.from({ length: N }, (_, i) => enc.encode(generateReport(1, i, { injectRate: 0.2 }).text));
  const sizes = summarize(docs.map((d) => d.length / 1024));
  const totalMB = docs.reduce((n, d) => n + d.length, 0) / 1024 / 1024;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let cells = 0;
    for (let i = 0; i < docs.length; i++) cells += parseReport(docs[i]!, `bench-${i}.txt`).cells.length;
    const t = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    if (cells < N * 150) throw new Error(`only ${cells} cells from ${N} reports: the parser is not reading the tables`);
    if (run < options.warmup) continue;
    wall.push(N / t);
    // user+system time of the process: a single-threaded loop, so this is the rate of one core even on a busy machine
    cpu.push(N / ((c.user + c.system) / 1e6));
  }
  const w = summarize(wall);
  const c = summarize(cpu);
  console.log(`${N} generated reports, ${totalMB.toFixed(1)} MB, median ${sizes.median.toFixed(1)} KB (min ${sizes.min.toFixed(1)}, max ${sizes.max.toFixed(1)})`);
  printTable(['measure', 'median', 'min', 'max', 'runs'], [
    ['reports/s (wall clock)', w.median, w.min, w.max, w.n],
    ['reports/s per core (CPU time)', c.median, c.min, c.max, c.n],
    ['MB/s per core (CPU time)', c.median * totalMB / N, c.min * totalMB / N, c.max * totalMB / N, c.n],
  ]);
  const documents = await parseDocuments(options);
  const file = await writeResults('parse', { n_reports: N, size_kb: sizes, reports_per_s_wall: w, reports_per_s_cpu: c, target_per_core: 1000, documents });
  console.log(`results: ${file}`);
  return { wall: w, cpu: c, documents };
}
