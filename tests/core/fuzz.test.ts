import { describe, expect, it, beforeAll } from 'vitest';
import { loadToSimplified } from '../../src/core/index.ts';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';
import { generateReport } from '../../tools/synth/generate.ts';
import { makeRng, type Rng } from '../../tools/synth/rng.ts';

// traditional-script labels (mirror sites) are read through OpenCC, loaded once before the synchronous parses
beforeAll(async () => { await loadToSimplified(); });

const enc = new TextEncoder();

function wellFormed(r: ParsedReport, what: string): void {
  if (!['ok', 'partial', 'empty', 'failed'].includes(r.report.parse_status)) expect.fail(`${what}: status ${r.report.parse_status}`);
  for (const c of r.cells) {
    if (r.text.slice(c.start, c.end) !== c.raw) expect.fail(`${what}: ${c.table_id}.${c.row_key}.${c.col_key} offsets do not point at ${JSON.stringify(c.raw)}`);
    if (c.state === 'reported' && (c.value === null || !Number.isFinite(c.value))) expect.fail(`${what}: reported cell without a number`);
    if (c.state !== 'reported' && c.value !== null) expect.fail(`${what}: ${c.state} cell with a value`);
  }
  for (const c of r.checks) if (!['pass', 'fail', 'skipped'].includes(c.status) || !c.message_zh || !c.message_en) expect.fail(`${what}: bad check ${c.rule_id}`);
  if (r.diagnostics.some((d) => d.code === 'parser_error')) expect.fail(`${what}: ${r.diagnostics.find((d) => d.code === 'parser_error')!.message}`);
}

type Mutation = (rng: Rng, b: Uint8Array) => Uint8Array;

const lines = (b: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  let s = 0;
  for (let i = 0; i <= b.length; i++) if (i === b.length || b[i] === 10) { out.push(b.subarray(s, Math.min(i + 1, b.length))); s = i + 1; }
  return out;
};
const join = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

const MUTATIONS: Record<string, Mutation> = {
  // cut at any byte, also inside a multi-byte character
  truncate: (rng, b) => b.subarray(0, rng.int(0, b.length)),
  deleteLines: (rng, b) => { const ls = lines(b); for (let k = rng.int(1, 8); k > 0 && ls.length; k--) ls.splice(rng.int(0, ls.length - 1), 1); return join(ls); },
  duplicateLines: (rng, b) => { const ls = lines(b); for (let k = rng.int(1, 8); k > 0; k--) { const i = rng.int(0, ls.length - 1); ls.splice(i, 0, ls[i]!); } return join(ls); },
  randomBytes: (rng, b) => { const c = b.slice(); for (let k = rng.int(1, 40); k > 0; k--) c[rng.int(0, c.length - 1)] = rng.int(0, 255); return c; },
  swapBlocks: (rng, b) => { const ls = lines(b); const i = rng.int(0, ls.length - 1); const j = rng.int(0, ls.length - 1); [ls[i], ls[j]] = [ls[j]!, ls[i]!]; return join(ls); },
  insertGarbage: (rng, b) => { const ls = lines(b); const junk = enc.encode(['|||||\n', '\t\t\t\n', '- 3 -\n', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n', '四、结转下年度继续办理\n', '（七）总计 |\n'][rng.int(0, 5)]!); ls.splice(rng.int(0, ls.length), 0, junk); return join(ls); },
};

describe('fuzzing generated reports', () => {
  it.each(Object.keys(MUTATIONS))('%s: never throws, every cell points at its text, states and values agree', (name) => {
    const rng = makeRng(name.length * 7919);
    for (let i = 0; i < 150; i++) {
      const src = enc.encode(generateReport(404, i, { injectRate: 0.3 }).text);
      const b = MUTATIONS[name]!(rng, src);
      wellFormed(parseReport(b, `${name}-${i}.txt`), `${name} #${i}`);
    }
  });
});

/** Fastest of several runs (ms): the least disturbed by other processes on a shared machine. */
function fastest(f: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('parse time grows linearly with input size', () => {
  // ratio of times for 16× the input: ≈16 when linear, ≈256 when quadratic; the bound (64, the geometric middle)
  // leaves a factor 4 for noise on a shared machine, cache and GC effects.
  // the table headers make the parser detect a modern format, so the table readers run on these inputs too
  const tables = (s: string): string => `二、主动公开政府信息情况\n第二十条第（一）项\n本年制发件数\n规章\n${s}`;
  const inputs: Record<string, (n: number) => string> = {
    'a report repeated': (n) => generateReport(1, 0).text.repeat(2 * n),
    'one long line of numbers and pipes': (n) => tables('三、收到和处理政府信息公开申请情况\n' + '0 1 | '.repeat(8000 * n)),
    'pipes only': (n) => tables('四、政府信息公开行政复议、行政诉讼情况\n' + '|\n||\n'.repeat(4000 * n)),
    'labels without numbers': (n) => tables('三、收到和处理政府信息公开申请情况\n' + '（一）予以公开\n1.属于国家秘密\n总计\n'.repeat(1000 * n)),
    'a line without newlines': (n) => 'x'.repeat(100_000 * n),
    'a column of numbers after one label': (n) => tables('0\n'.repeat(10_000 * n)),
    'review runs one cell short, many times': (n) => tables('四、政府信息公开行政复议、行政诉讼情况\n' + ('1\n'.repeat(14) + 'x\n').repeat(500 * n)),
    'application rows one cell short, many times': (n) => tables('三、收到和处理政府信息公开申请情况\n' + '（一）予以公开\n1\n2\n3\n4\n5\n15\n'.repeat(500 * n)),
  };
  it.each(Object.keys(inputs))('%s', { retry: 2 }, (name) => {
    const small = enc.encode(inputs[name]!(1));
    const large = enc.encode(inputs[name]!(16));
    // warm the JIT on both sizes first: a cold first run would look like non-linear growth
    parseReport(small, 'warm.txt');
    parseReport(large, 'warm.txt');
    const ts = fastest(() => parseReport(small, 's.txt'));
    const tl = fastest(() => parseReport(large, 'l.txt'));
    expect(tl / Math.max(ts, 1), `${name}: ${ts.toFixed(2)} ms → ${tl.toFixed(2)} ms`).toBeLessThan(64);
  });
});
