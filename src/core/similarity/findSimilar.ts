import type { SectionKey } from '../schema.ts';
import { boilerplateModel, type BoilerplateModel } from './boilerplateModel.ts';
import { comparePassages } from './comparePassages.ts';
import { prepareReport, reportShingleSet, type PreparedSection, type SectionSpan } from './prepareReport.ts';
import { ShingleCounts } from './shingleCounts.ts';
import { sketchReport } from './sketchReport.ts';
import { SIMILARITY_DEFAULTS, type SimilarityParams } from './similarityParams.ts';

export interface SimilarityReport {
  report_id: string;
  text: string;
  sections: readonly SectionSpan[];
  /** organ, province, city, county: marked out before comparing */
  names: readonly (string | null | undefined)[];
}

/** Where the reports come from: read twice in full (frequencies, then sketches), then some again to verify pairs. */
export interface ReportSource {
  scan(onReport: (r: SimilarityReport) => void): Promise<void>;
  fetch(ids: readonly string[]): Promise<SimilarityReport[]>;
}

/** One shared passage, seen from `report_id` (each pair gives a row from both sides); kind is added in SQL. */
export interface PassageRow {
  report_id: string; other_report_id: string; section_key: SectionKey; passage: number;
  similarity: number; other_similarity: number; start: number; end: number; other_start: number; other_end: number; specific_chars: number;
}

/** How much of each text section is the report's own (not boilerplate). */
export interface ProfileRow { report_id: string; section_key: SectionKey; chars: number; shingles: number; specific: number }

export interface SimilarityStats {
  reports: number; windows: number; boilerplate_threshold: number; buckets_skipped: number; candidate_pairs: number; verified_pairs: number;
  ms: { frequencies: number; sketches: number; banding: number; verification: number };
}

const KEYS: SectionKey[] = ['overall', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other', 'unknown'];

class GrowU32 {
  a = new Uint32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) { const b = new Uint32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
}

const now = (): number => Date.now();

/**
 * Copied text (内容雷同) across a whole corpus, in bounded memory: document frequencies of shingles (count-min), LSH
 * sketches per report (ShingleCounts and sketchReport are pure and can run in workers), banding as one sort per band
 * over compact typed arrays (a bucket with more windows than the boilerplate threshold pairs nothing), then every
 * candidate section pair verified on the texts (comparePassages). Reports are compared section by section (same key).
 */
export async function findSimilar(source: ReportSource, params: SimilarityParams = SIMILARITY_DEFAULTS): Promise<{ passages: PassageRow[]; profiles: ProfileRow[]; stats: SimilarityStats; model: BoilerplateModel }> {
  const t0 = now();
  const counts = new ShingleCounts(params.widthBits, params.depth);
  const prep = (r: SimilarityReport): PreparedSection[] => prepareReport(r, params);
  await source.scan((r) => counts.addReport(reportShingleSet(prep(r))));
  const model = boilerplateModel(counts, params);
  const t1 = now();

  const ids: string[] = [];
  const profiles: ProfileRow[] = [];
  const winReport = new GrowU32();
  const winSection = new GrowU32();
  const keys = new GrowU32();
  await source.scan((r) => {
    const idx = ids.push(r.report_id) - 1;
    for (const s of sketchReport(prep(r), model, params)) {
      profiles.push({ report_id: r.report_id, section_key: s.key, chars: s.chars, shingles: s.shingles, specific: s.specific });
      for (const w of s.windows) {
        winReport.push(idx);
        winSection.push(KEYS.indexOf(s.key));
        for (let i = 0; i < w.bands.length; i++) keys.push(w.bands[i]!);
      }
    }
  });
  const t2 = now();

  // banding: per band, windows sorted by their bucket — a native Float64Array sort of (high bits of k1, window) packed
  // into 53 bits; a run of equal high bits is then split by the full (k1, k2)
  const W = winReport.n;
  const stride = 2 * params.bands;
  const idxBits = Math.max(1, Math.ceil(Math.log2(W + 1)));
  if (idxBits > 30) throw new Error(`findSimilar: ${W} windows are more than one banding pass can hold`);
  const shift = 2 ** idxBits;
  const keyDrop = 32 - (53 - idxBits);
  const packed = new Float64Array(W);
  const cap = model.threshold === Infinity ? Number.MAX_SAFE_INTEGER : model.threshold;
  const nReports = ids.length;
  const pairs = new Set<number>();
  let skipped = 0;
  const k = keys.a;
  const run: number[] = [];
  const emit = (band: number): void => {
    if (run.length < 2) return;
    // full buckets inside a run of equal high bits
    run.sort((x, y) => (k[x * stride + 2 * band]! - k[y * stride + 2 * band]!) || (k[x * stride + 2 * band + 1]! - k[y * stride + 2 * band + 1]!));
    for (let i = 0; i < run.length;) {
      let j = i + 1;
      while (j < run.length && k[run[j]! * stride + 2 * band] === k[run[i]! * stride + 2 * band] && k[run[j]! * stride + 2 * band + 1] === k[run[i]! * stride + 2 * band + 1]) j++;
      if (j - i > cap) skipped++;
      else {
        for (let a = i; a < j; a++) {
          for (let b = a + 1; b < j; b++) {
            const ra = winReport.a[run[a]!]!;
            const rb = winReport.a[run[b]!]!;
            const sec = winSection.a[run[a]!]!;
            if (ra === rb || sec !== winSection.a[run[b]!]) continue;
            pairs.add(((ra < rb ? ra : rb) * nReports + (ra < rb ? rb : ra)) * 8 + sec);
          }
        }
      }
      i = j;
    }
  };
  for (let band = 0; band < params.bands; band++) {
    for (let w = 0; w < W; w++) packed[w] = (k[w * stride + 2 * band]! >>> keyDrop) * shift + w;
    packed.sort();
    let hi = -1;
    for (let i = 0; i < W; i++) {
      const v = packed[i]!;
      const h = Math.floor(v / shift);
      if (h !== hi) { emit(band); run.length = 0; hi = h; }
      run.push(v - h * shift);
    }
    emit(band);
    run.length = 0;
  }
  const t3 = now();

  // verification, the pairs of one report together, its partners fetched in batches
  const list = [...pairs].sort((x, y) => x - y).map((p) => ({ lo: Math.floor(Math.floor(p / 8) / nReports), hi: Math.floor(p / 8) % nReports, sec: KEYS[p % 8]! }));
  const index = new Map(ids.map((x, n) => [x, n]));
  const passages: PassageRow[] = [];
  const cache = new Map<number, PreparedSection[]>();
  let verified = 0;
  const BATCH = 256;
  for (let i = 0; i < list.length;) {
    const need = new Set<number>();
    let j = i;
    while (j < list.length && need.size < BATCH) { need.add(list[j]!.lo); need.add(list[j]!.hi); j++; }
    const missing = [...need].filter((x) => !cache.has(x));
    for (const r of await source.fetch(missing.map((x) => ids[x]!))) cache.set(index.get(r.report_id) ?? -1, prep(r));
    for (; i < j; i++) {
      const { lo, hi, sec } = list[i]!;
      const a = cache.get(lo)?.find((s) => s.key === sec);
      const b = cache.get(hi)?.find((s) => s.key === sec);
      if (!a || !b) continue;
      const m = comparePassages(a, b, model, params);
      if (!m) continue;
      verified++;
      m.passages.forEach((p, n) => {
        passages.push({ report_id: ids[lo]!, other_report_id: ids[hi]!, section_key: sec, passage: n + 1, similarity: m.similarity, other_similarity: m.other_similarity, start: p.start, end: p.end, other_start: p.other_start, other_end: p.other_end, specific_chars: p.specific });
        passages.push({ report_id: ids[hi]!, other_report_id: ids[lo]!, section_key: sec, passage: n + 1, similarity: m.other_similarity, other_similarity: m.similarity, start: p.other_start, end: p.other_end, other_start: p.start, other_end: p.end, specific_chars: p.specific });
      });
    }
    // keep the cache small: only what the next batch may reuse
    if (cache.size > 4 * BATCH) for (const key of [...cache.keys()].slice(0, cache.size - 2 * BATCH)) cache.delete(key);
  }
  const t4 = now();
  return {
    passages, profiles, model,
    stats: {
      reports: nReports, windows: W, boilerplate_threshold: model.threshold, buckets_skipped: skipped, candidate_pairs: list.length, verified_pairs: verified,
      ms: { frequencies: t1 - t0, sketches: t2 - t1, banding: t3 - t2, verification: t4 - t3 },
    },
  };
}
