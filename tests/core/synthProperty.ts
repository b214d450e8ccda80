import { expect } from 'vitest';
import { formatTemplate, labelKey, labelMatches, loadedToSimplified, parseReport, type ParsedReport } from '../../src/core/index.ts';
import { generateReport, type SynthReport } from '../../tools/synth/generate.ts';
import { expectedChecks } from '../../tools/synth/expectedChecks.ts';
import { LAYOUTS } from '../../tools/synth/layouts.ts';

const enc = new TextEncoder();
export const key = (c: { table_id: string; row_key: string; col_key: string }): string => `${c.table_id}.${c.row_key}.${c.col_key}`;

/** Differences between the parsed cells and the truth, as readable lines (empty when they agree cell by cell). */
export function cellDiff(r: SynthReport, p: ParsedReport): string[] {
  const got = new Map(p.cells.map((c) => [key(c), c]));
  const out: string[] = [];
  for (const t of r.truth.cells) {
    const g = got.get(key(t));
    got.delete(key(t));
    const same = g && g.state === t.state && g.unit === t.unit
      && (g.value === t.value || (g.value !== null && t.value !== null && Math.abs(g.value - t.value) < 1e-9));
    if (!same) out.push(`${key(t)}: want ${t.value} ${t.state} ${t.unit} (${t.raw}), got ${g ? `${g.value} ${g.state} ${g.unit} (${g.raw})` : 'nothing'}`);
  }
  for (const k of got.keys()) out.push(`${k}: not in the truth`);
  return out;
}

const failing = (p: ParsedReport): string[] => p.checks.filter((c) => c.status === 'fail').map((c) => `${c.rule_id}:${c.col_key}`).sort();

/**
 * parse(render(truth)) for reports [from, to) of seed 2026: every cell comes back (value, state, unit), offsets point
 * at the raw text, and the checks flag exactly the injected errors. Split over two test files so they run in parallel.
 */
export function checkRange(from: number, to: number): void {
  const byLayout = new Map<string, number>();
  let injected = 0;
  let blanks = 0;
  for (let i = from; i < to; i++) {
    const r = generateReport(2026, i, { injectRate: 0.3 });
    const p = parseReport(enc.encode(r.text), r.file);
    const diff = cellDiff(r, p);
    if (diff.length) expect.fail(`report ${i} (${r.file}):\n${diff.slice(0, 8).join('\n')}`);
    // the label kept with each row is the label of that row (not a header cell next to it)
    const seen = new Set<string>();
    for (const c of p.cells) {
      if (c.table_id === 'review_litigation' || seen.has(c.table_id + c.row_key)) continue;
      seen.add(c.table_id + c.row_key);
      const label = formatTemplate(r.truth.format).tables.find((t) => t.id === c.table_id)!.rows.find((x) => x.key === c.row_key)?.label;
      // labels are kept as written; mirror-site labels in traditional script are compared through the converter
      const written = (loadedToSimplified() ?? ((s: string) => s))(c.row_label ?? '');
      const ok = label ? labelMatches(written, [labelKey(label)]) || labelMatches(written.split(/\s+/).pop()!, [labelKey(label)])
        : r.truth.extra_rows.some((x) => x.row_key === c.row_key && x.label === c.row_label);
      if (!ok) expect.fail(`report ${i} (${r.file}): row ${c.table_id}.${c.row_key} labelled ${JSON.stringify(c.row_label)}`);
    }
    if (p.report.format !== r.truth.format) expect.fail(`report ${i}: format ${p.report.format}`);
    for (const c of p.cells) if (p.text.slice(c.start, c.end) !== c.raw) expect.fail(`report ${i}: offsets of ${key(c)} do not point at ${c.raw}`);
    const want = expectedChecks(r.truth);
    const wantFail = want.filter((c) => c.status === 'fail').map((c) => `${c.rule_id}:${c.col_key}`).sort();
    const gotFail = failing(p);
    if (gotFail.join() !== wantFail.join()) expect(gotFail, `report ${i} (${r.file})`).toEqual(wantFail);
    // a rule reading a blank or 'na' cell is skipped, never passed
    const status = new Map(p.checks.map((c) => [`${c.rule_id}:${c.col_key}`, c.status]));
    for (const w of want) {
      if (w.status === 'skipped' && status.get(`${w.rule_id}:${w.col_key}`) !== 'skipped') expect.fail(`report ${i}: ${w.rule_id} ${w.col_key} should be skipped`);
    }
    // every failure traces back to an injected cell
    const errs = r.truth.injections.filter((x) => x.kind === 'inconsistent' || x.kind === 'negative');
    if (wantFail.length && !errs.length) expect.fail(`report ${i}: failures without an injection`);
    if (errs.length) injected++;
    if (r.truth.injections.some((x) => x.kind === 'blank' || x.kind === 'na')) blanks++;
    if (r.truth.injections.some((x) => x.kind === 'yuan') && !p.diagnostics.some((d) => d.code === 'unit_converted')) expect.fail(`report ${i}: 元 not flagged`);
    byLayout.set(r.layout, (byLayout.get(r.layout) ?? 0) + 1);
  }
  // the corpus really covers every layout, both formats, errors and empty cells
  for (const l of [...LAYOUTS, 'mixed']) expect(byLayout.get(l) ?? 0, l).toBeGreaterThan((to - from) / 20);
  expect(injected).toBeGreaterThan((to - from) / 10);
  expect(blanks).toBeGreaterThan((to - from) / 20);
  }
