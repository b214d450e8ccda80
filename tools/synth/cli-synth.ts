// `npm run synth -- --n 300 --seed 1 --out DIR [--inject-rate 0.2] [--format gov_2021|gov_2019] [--layout NAME] [--vanish]
//   [--realistic [--years 2023[,2022…]]] [--no-truth]`
// Writes one .txt per report and truth.jsonl (one line per report: file, layout, truth with every cell and injection).
// --realistic: the corpus-level mix of realism.ts (default year 2023); --no-truth: reports only (benchmark corpora).
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, type SynthOptions } from './generate.ts';
import { LAYOUTS, type ReportLayout } from './layouts.ts';

function args(argv: string[]): { n: number; seed: number; out: string; opts: SynthOptions; truth: boolean } {
  let n = 100;
  let seed = 1;
  let out = '';
  const opts: SynthOptions = {};
  let truth = true;
  let realistic = false;
  let years = [2023];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--n') n = Number(v());
    else if (a === '--seed') seed = Number(v());
    else if (a === '--out') out = v();
    else if (a === '--inject-rate') opts.injectRate = Number(v());
    else if (a === '--format') opts.format = v() as SynthOptions['format'];
    else if (a === '--layout') opts.layout = v() as ReportLayout;
    else if (a === '--vanish') opts.vanish = true;
    else if (a === '--realistic') realistic = true;
    else if (a === '--years') years = v().split(',').map(Number);
    else if (a === '--no-truth') truth = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out) throw new Error('--out DIR is required');
  if (!Number.isInteger(n) || n < 0) throw new Error('--n must be a whole number');
  if (opts.layout && opts.layout !== 'mixed' && !(LAYOUTS as readonly string[]).includes(opts.layout)) throw new Error(`--layout must be one of ${LAYOUTS.join(', ')}, mixed`);
  if (opts.format && opts.format !== 'gov_2021' && opts.format !== 'gov_2019') throw new Error('--format must be gov_2021 or gov_2019');
  if (opts.injectRate !== undefined && !(opts.injectRate >= 0 && opts.injectRate <= 1)) throw new Error('--inject-rate must be between 0 and 1');
  if (years.some((y) => !Number.isInteger(y) || y < 2019 || y > 2100)) throw new Error('--years must be report years from 2019 on, e.g. 2021,2022,2023');
  if (realistic) opts.realistic = { years };
  return { n, seed, out, opts, truth };
}

try {
  const { n, seed, out, opts, truth: withTruth } = args(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const truth = withTruth ? createWriteStream(join(out, 'truth.jsonl')) : null;
  let bytes = 0;
  const t0 = performance.now();
  for (const r of generateCorpus(seed, n, opts)) {
    writeFileSync(join(out, r.file), r.text);
    bytes += Buffer.byteLength(r.text);
    truth?.write(JSON.stringify({ file: r.file, layout: r.layout, truth: r.truth }) + '\n');
  }
  truth?.end();
  const s = (performance.now() - t0) / 1000;
  console.error(`wrote ${n} reports (${(bytes / 1024 / Math.max(n, 1)).toFixed(1)} KB each on average)${truth ? ' and truth.jsonl' : ''} to ${out} in ${s.toFixed(2)} s`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
