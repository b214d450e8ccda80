import { beforeAll, describe, expect, it } from 'vitest';
import * as cn2t from 'opencc-js/cn2t';
import { loadToSimplified, parseReport, parseReportAsync, type ParsedReport } from '../../src/core/index.ts';
import { generateReport } from '../../tools/synth/generate.ts';
import { toRealClass, type ClassReport, type RealClass } from '../../tools/synth/realClasses.ts';
import type { SynthReport } from '../../tools/synth/generate.ts';

beforeAll(async () => { await loadToSimplified(); });

const enc = new TextEncoder();
const key = (c: { table_id: string; row_key: string; col_key: string }): string => `${c.table_id}.${c.row_key}.${c.col_key}`;
const N = 120;
const reports: SynthReport[] = Array.from({ length: N }, (_, i) => generateReport(77, i, { layout: 'pdf' }));
const variants = (cls: RealClass): ClassReport[] => reports.map((r) => toRealClass(r, cls)).filter((x): x is ClassReport => x !== null);

/** exact: cells equal to the truth; wrong: a reported value that differs (never allowed); unsure: truth cells not exact */
function compare(r: SynthReport, p: ParsedReport): { exact: number; wrong: string[]; unsure: string[] } {
  const got = new Map(p.cells.map((c) => [key(c), c]));
  let exact = 0;
  const wrong: string[] = [];
  const unsure: string[] = [];
  for (const t of r.truth.cells) {
    const g = got.get(key(t));
    const same = g && g.state === t.state && g.unit === t.unit && (g.value === t.value || (g.value !== null && t.value !== null && Math.abs(g.value - t.value) < 1e-9));
    if (same) { exact++; continue; }
    unsure.push(`${key(t)} want ${t.value} got ${g?.value} ${g?.flag ?? ''}`);
    if (g && g.value !== null && g.state === 'reported' && !g.flag && (t.value === null || Math.abs(g.value - t.value) > 1e-9)) wrong.push(`${key(t)}: want ${t.value}, got ${g.value}`);
  }
  return { exact, wrong, unsure };
}

describe('generated reports in the layouts real documents showed (tools/synth/realClasses)', () => {
  it('a whole page on one line: every cell, the format and the sections come back', () => {
    const vs = variants('one_line_page');
    expect(vs.length).toBeGreaterThan(100);
    for (const v of vs) {
      const p = parseReport(enc.encode(v.text), v.file);
      expect(p.report.format, v.file).toBe(v.truth.format);
      const c = compare(v, p);
      expect(c.unsure, v.file).toEqual([]);
    }
  });

  it('cells run together with no separator: never a wrong number (what the rules cannot cut is left blank)', () => {
    let exact = 0;
    let total = 0;
    for (const v of variants('glued_cells')) {
      const p = parseReport(enc.encode(v.text), v.file);
      expect(p.report.format, v.file).toBe(v.truth.format);
      const c = compare(v, p);
      expect(c.wrong, v.file).toEqual([]);
      exact += c.exact;
      total += v.truth.cells.length;
    }
    // the applications and review tables are cut by APP-ROW, APP-SUM, APP-BAL and the group sums; most cells return
    expect(exact / total).toBeGreaterThan(0.6);
  });

  it('a table cut short keeps the rows that are there (partial, the missing rows named)', () => {
    for (const v of variants('cut_table')) {
      const p = parseReport(enc.encode(v.text), v.file);
      const c = compare(v, p);
      expect(c.unsure, v.file).toEqual([]);
      expect(p.diagnostics.find((d) => d.code === 'table_partial')?.message, v.file).toMatch(/missing: .*denied_third_party/);
      expect(p.report.parse_status).toBe('partial');
    }
  });

  it('the 2019 single （六）其他处理 row in a 2021 table is read as that row and APP-SUM adds it', () => {
    const vs = variants('hybrid_other');
    expect(vs.length).toBeGreaterThan(8);
    for (const v of vs) {
      const p = parseReport(enc.encode(v.text), v.file);
      expect(compare(v, p).unsure, v.file).toEqual([]);
      expect(p.checks.filter((x) => x.rule_id === 'APP-SUM' && x.status !== 'pass'), v.file).toEqual([]);
      expect(p.diagnostics.some((d) => d.code === 'hybrid_form')).toBe(true);
    }
  });

  it('traditional script throughout (a mirror site): format, every cell, and the raw text as written', async () => {
    const toTrad = cn2t.Converter({ from: 'cn', to: 'tw' });
    for (const r of reports.slice(0, 40)) {
      const text = toTrad(r.text);
      const p = await parseReportAsync(enc.encode(text), r.file);
      expect(p.report.format, r.file).toBe(r.truth.format);
      expect(compare(r, p).unsure, r.file).toEqual([]);
      for (const c of p.cells) expect(p.text.slice(c.start, c.end)).toBe(c.raw);
      expect(p.diagnostics.some((d) => d.code === 'traditional_script')).toBe(true);
    }
  });
});
