import { describe, expect, it, beforeAll } from 'vitest';
import { loadToSimplified } from '../../src/core/index.ts';
import { parseReport } from '../../src/core/index.ts';
import { generateReport } from '../../tools/synth/generate.ts';
import { cellDiff, key } from './synthProperty.ts';

// traditional-script labels (mirror sites) are read through OpenCC, loaded once before the synchronous parses
beforeAll(async () => { await loadToSimplified(); });

const enc = new TextEncoder();

describe('generated reports', () => {
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
