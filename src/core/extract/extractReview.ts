import { formatTemplate } from '../template/template.ts';
import { chooseAlignment, placements, tokenNumber, type Slots } from './alignRow.ts';
import { agree, describeCands, fitRow, resolveAlone } from './fitRow.ts';
import { looksGlued } from './splitGlued.ts';
import { emitRow, spanOf, type TableContext } from './tableContext.ts';
import type { Token } from './tokenize.ts';

/** Failed group sums (维持 + 纠正 + 其他 + 尚未审结 = 总计) of a reading of the fifteen review/litigation cells. */
export function reviewFails(s: Slots): number {
  let bad = 0;
  for (let g = 0; g < 3; g++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += tokenNumber(s[g * 5 + k] ?? null);
    if (sum !== tokenNumber(s[g * 5 + 4] ?? null)) bad++;
  }
  return bad;
}

/** A run longer than the row (a stray header cell or page number next to it): the window the rules like best, else the first. */
function windowByRules(run: Token[], n: number): Slots {
  const written = run.filter((t) => t.kind === 'value');
  if (written.length === n) return written;
  let best = run.slice(0, n);
  let bestFails = reviewFails(best);
  for (let i = 1; i + n <= run.length && bestFails > 0; i++) {
    const w = run.slice(i, i + n);
    const f = reviewFails(w);
    if (f < bestFails) { best = w; bestFails = f; }
  }
  return best;
}

const digitsOf = (run: readonly Token[]): number => run.reduce((s, t) => s + (t.kind === 'value' ? t.text.replace(/\D/g, '').length : 0), 0);

/** The one row of fifteen numbers of section 四, from a stretch of tokens; returns whether it was found. */
export function extractReview(ctx: TableContext, tokens: readonly Token[], region: { start: number; end: number }): boolean {
  const table = formatTemplate(ctx.format).tables.find((t) => t.id === 'review_litigation')!;
  const n = table.columns.length;
  const d = ctx.diagnostics;
  // runs of consecutive value/empty tokens; the table is the first run holding n cells
  let run: Token[] = [];
  const runs: Token[][] = [];
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(t);
  }
  if (run.length) runs.push(run);
  const emit = (slots: Slots, flags: Parameters<typeof emitRow>[5] = [], span?: { start: number; end: number }): true => {
    emitRow(ctx, table, 'counts', null, slots, flags, span);
    for (const c of ctx.cells) if (c.table_id === table.id) c.row_label = null;
    return true;
  };
  const full = runs.find((r) => r.length >= n && !(r.filter((t) => t.kind === 'value').length < n && r.some(looksGlued)));
  if (full) return emit(full.length > n ? windowByRules(full, n) : full);
  // digits run together (crawler text): the cuts into fifteen numbers the group sums accept
  const glued = runs.find((r) => r.some(looksGlued) && digitsOf(r) >= n && r.filter((t) => t.kind === 'value').length < n);
  if (glued) {
    const fit = fitRow(glued, n, reviewFails);
    const r = resolveAlone(fit, n, reviewFails);
    if (r.uncertain.length) {
      d.push({ severity: 'warning', code: 'split_ambiguous', message: `review_litigation: digits run together (${glued.map((t) => t.text).join(' ')}) can be cut into ${n} cells in ${fit.cands.length || 'too many'} ways the group sums accept${fit.cands.length ? `: ${describeCands(fit.cands, 2)}` : ''}; columns ${r.uncertain.map((k) => table.columns[k]!.key).join(', ')} left blank`, ...spanOf(glued)! });
    } else if (fit.tried > 1) {
      d.push({ severity: 'info', code: 'split_resolved', message: `review_litigation: digits run together cut into ${n} cells by the group sums (${fit.tried} cuts tried)`, ...spanOf(glued)! });
    }
    return emit(r.slots, r.flags, spanOf(glued));
  }
  // the three groups written as rows of five with their labels between ('行政复议 9 0 7 3 19' / '未经复议直接起诉 …'):
  // consecutive runs that add up to exactly n cells, each a whole number of groups of five
  for (let i = 0; i < runs.length; i++) {
    let total = 0;
    for (let j = i; j < runs.length && total < n; j++) {
      if (runs[j]!.length % 5 !== 0) break;
      total += runs[j]!.length;
      if (total === n && j > i) {
        const joined = runs.slice(i, j + 1).flat();
        d.push({ severity: 'info', code: 'review_split', message: `review_litigation: the ${n} cells were read from ${j - i + 1} rows`, start: joined[0]!.start, end: joined[n - 1]!.end });
        return emit(joined);
      }
    }
  }
  // three rows of five where cells left no trace: align each group by its own sum
  for (let i = 0; i + 3 <= runs.length; i++) {
    const groups = runs.slice(i, i + 3);
    if (!groups.every((g) => g.length >= 3 && g.length <= 5) || groups.every((g) => g.length === 5)) continue;
    const slots: Slots = [];
    const flags: ('row_ambiguous' | null)[] = [];
    const unsure: string[] = [];
    groups.forEach((g, k) => {
      const a = chooseAlignment(placements(g, 5), (c) => reviewFails([...c, ...Array<Token | null>(10).fill(null)].slice(0, 15)), 5);
      slots.push(...a.slots);
      for (let x = 0; x < 5; x++) flags.push(a.uncertain.includes(x) ? 'row_ambiguous' : null);
      unsure.push(...a.uncertain.map((x) => table.columns[k * 5 + x]!.key));
    });
    const span = { start: groups[0]![0]!.start, end: groups[2]!.at(-1)!.end };
    d.push(unsure.length
      ? { severity: 'warning', code: 'row_ambiguous', message: `review_litigation: cells missing in the rows of five; columns ${unsure.join(', ')} left blank`, ...span }
      : { severity: 'info', code: 'row_aligned', message: 'review_litigation: cells missing in the rows of five; placed by the group sums', ...span });
    return emit(slots, flags, span);
  }
  const short = runs.find((r) => r.length >= n - 3 && r.filter((t) => t.kind === 'value').length >= 5);
  if (short) {
    const fit = fitRow(short, n, reviewFails);
    const r = fit.mode === 'placed' ? resolveAlone(fit, n, reviewFails) : agree(fit.cands, n, fit.mode);
    d.push(r.uncertain.length
      ? { severity: 'warning', code: 'row_ambiguous', message: `review_litigation: ${short.length} of ${n} cells and the group sums cannot place them; columns ${r.uncertain.map((k) => table.columns[k]!.key).join(', ')} left blank`, ...spanOf(short)! }
      : { severity: 'info', code: 'row_aligned', message: `review_litigation: ${short.length} of ${n} cells; placed by the group sums (${fit.tried} placements tried)`, ...spanOf(short)! });
    return emit(r.slots, r.flags, spanOf(short));
  }
  const partial = runs.find((r) => r.filter((t) => t.kind === 'value').length >= 5);
  d.push({
    severity: 'warning', code: partial ? 'table_incomplete' : 'table_missing',
    message: partial ? `review_litigation: only ${partial.length} of ${n} cells found` : 'review/litigation table not found in section 四',
    start: region.start, end: region.end,
  });
  return false;
}
