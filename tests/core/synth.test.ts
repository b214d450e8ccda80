import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';
import { generateReport, type SynthReport } from '../../src/synth/generate.ts';
import { expectedChecks } from '../../src/synth/expectedChecks.ts';
import { LAYOUTS } from '../../src/synth/layouts.ts';

const N = 5000;
const enc = new TextEncoder();
const key = (c: { table_id: string; row_key: string; col_key: string }): string => `${c.table_id}.${c.row_key}.${c.col_key}`;

/** Differences between the parsed cells and the truth, as readable lines (empty when they agree cell by cell). */
function cellDiff(r: SynthReport, p: ParsedReport): string[] {
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

describe(`parse(render(truth)) on ${N} generated reports`, () => {
  it('every cell comes back (value, state, unit), offsets point at the raw text, and the checks flag exactly the injected errors', () => {
    const byLayout = new Map<string, number>();
    let injected = 0;
    let blanks = 0;
    for (let i = 0; i < N; i++) {
      const r = generateReport(2026, i, { injectRate: 0.3 });
      const p = parseReport(enc.encode(r.text), r.file);
      const diff = cellDiff(r, p);
      if (diff.length) expect.fail(`report ${i} (${r.file}):\n${diff.slice(0, 8).join('\n')}`);
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
    for (const l of [...LAYOUTS, 'mixed']) expect(byLayout.get(l) ?? 0, l).toBeGreaterThan(N / 20);
    expect(injected).toBeGreaterThan(N / 10);
    expect(blanks).toBeGreaterThan(N / 20);
  });

  it('cells that leave no trace are placed by the rules or flagged; a reported value is never wrong', () => {
    let withGaps = 0;
    let exact = 0;
    for (let i = 0; i < 1500; i++) {
      const r = generateReport(11, i, { injectRate: 1, vanish: true });
      if (!r.truth.cells.some((c) => c.state === 'blank')) continue;
      withGaps++;
      const p = parseReport(enc.encode(r.text), r.file);
      const diff = cellDiff(r, p);
      if (diff.length === 0) { exact++; continue; }
      // what could not be decided is marked, never guessed
      expect(p.diagnostics.some((d) => d.code === 'row_ambiguous'), `report ${i}: ${diff[0]}`).toBe(true);
      const truth = new Map(r.truth.cells.map((c) => [key(c), c]));
      for (const c of p.cells) {
        if (c.state !== 'reported') continue;
        expect(c.value, `report ${i} ${key(c)}`).toBe(truth.get(key(c))?.value);
      }
    }
    expect(withGaps).toBeGreaterThan(200);
    // a zero that vanished among zeros cannot be located by any rule; the rest must be recovered
    expect(exact / withGaps).toBeGreaterThan(0.3);
  });

  it('is deterministic: the same seed and index give the same text and truth', () => {
    for (const i of [0, 17, 4999]) {
      const a = generateReport(9, i, { injectRate: 0.5 });
      const b = generateReport(9, i, { injectRate: 0.5 });
      expect(a.text).toBe(b.text);
      expect(a.truth).toEqual(b.truth);
    }
    expect(generateReport(9, 1).text).not.toBe(generateReport(10, 1).text);
  });

  it('renders realistic reports: title line, real place names, a publication date, 10–25 KB', () => {
    const sizes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const r = generateReport(3, i);
      expect(r.text.split('\n').slice(0, 3)).toContain(r.truth.title);
      expect(r.truth.title).toMatch(/^.+(省|市|区|县|旗|镇|乡|街道|办事处|政府|局|委员会|馆|室|分局).*\d{4}年度?政府信息公开工作年度报告$/);
      expect(r.truth.organ.startsWith(r.truth.place.county) || r.truth.organ.startsWith(r.truth.place.city)).toBe(true);
      expect(r.truth.published_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      sizes.push(enc.encode(r.text).length);
    }
    sizes.sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length * 0.05)]!).toBeGreaterThan(9_000);
    expect(sizes[Math.floor(sizes.length * 0.95)]!).toBeLessThan(26_000);
  });
});
