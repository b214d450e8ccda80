import type { BoilerplateModel } from './boilerplateModel.ts';
import type { PreparedSection } from './prepareReport.ts';
import { SIMILARITY_DEFAULTS, type SimilarityParams } from './similarityParams.ts';

export interface Passage {
  /** character offsets in the original texts: [start, end) of this report's text, and of the other's */
  start: number;
  end: number;
  other_start: number;
  other_end: number;
  /** shingles of the passage that are not boilerplate (the evidence of copying) */
  specific: number;
}

export interface SectionMatch {
  passages: Passage[];
  /** share of each side's specific shingles that lie in the passages (0–1) */
  similarity: number;
  other_similarity: number;
  specific: number;
  other_specific: number;
}

interface Run { a: number; b: number; len: number }

/**
 * The passages two sections share, verified on the texts (the LSH bands only proposed the pair): maximal runs of
 * equal shingles, found from every specific shingle of `a` that occurs in `b` and extended both ways over boilerplate
 * too (a copied paragraph is one passage, template sentences inside it included), then joined when both sides are
 * within `gap` shingles. A passage counts with at least `minPassage` specific shingles; the pair with `minPair` in all.
 * Returns null when nothing counts. Symmetric up to which side is called `a`.
 */
export function comparePassages(a: PreparedSection, b: PreparedSection, model: BoilerplateModel, params: SimilarityParams = SIMILARITY_DEFAULTS): SectionMatch | null {
  const ha = a.hashes;
  const hb = b.hashes;
  if (ha.length === 0 || hb.length === 0) return null;
  const specA = new Uint8Array(ha.length);
  const specB = new Uint8Array(hb.length);
  let nA = 0;
  let nB = 0;
  for (let i = 0; i < ha.length; i++) if (!model.isBoilerplate(ha[i]!)) { specA[i] = 1; nA++; }
  for (let j = 0; j < hb.length; j++) if (!model.isBoilerplate(hb[j]!)) { specB[j] = 1; nB++; }
  if (nA === 0 || nB === 0) return null;
  const where = new Map<number, number[]>();
  for (let j = 0; j < hb.length; j++) {
    if (!specB[j]) continue;
    const l = where.get(hb[j]!);
    if (l) { if (l.length < 8) l.push(j); } else where.set(hb[j]!, [j]);
  }
  const runs: Run[] = [];
  const k = params.shingle;
  for (let i = 0; i < ha.length; i++) {
    if (!specA[i]) continue;
    const js = where.get(ha[i]!);
    if (!js) continue;
    let best: Run | null = null;
    for (const j of js) {
      if (a.norm.slice(i, i + k) !== b.norm.slice(j, j + k)) continue;
      let s = 0;
      while (i - s - 1 >= 0 && j - s - 1 >= 0 && ha[i - s - 1] === hb[j - s - 1] && (runs.length === 0 || i - s - 1 >= runs[runs.length - 1]!.a + runs[runs.length - 1]!.len)) s++;
      let e = 1;
      while (i + e < ha.length && j + e < hb.length && ha[i + e] === hb[j + e]) e++;
      if (!best || s + e > best.len) best = { a: i - s, b: j - s, len: s + e };
    }
    if (!best) continue;
    runs.push(best);
    i = best.a + best.len - 1;
  }
  if (runs.length === 0) return null;
  // join runs that continue each other on both sides
  const groups: Run[][] = [];
  for (const r of runs) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (g && last && r.a - (last.a + last.len) <= params.gap && r.b >= last.b + last.len - k && r.b - (last.b + last.len) <= params.gap) g.push(r);
    else groups.push([r]);
  }
  const coveredA = new Uint8Array(ha.length);
  const coveredB = new Uint8Array(hb.length);
  const passages: Passage[] = [];
  let total = 0;
  for (const g of groups) {
    let specific = 0;
    for (const r of g) for (let d = 0; d < r.len; d++) specific += specA[r.a + d]!;
    if (specific < params.minPassage) continue;
    for (const r of g) for (let d = 0; d < r.len; d++) { coveredA[r.a + d] = 1; coveredB[r.b + d] = 1; }
    const first = g[0]!;
    const last = g[g.length - 1]!;
    const aEnd = last.a + last.len - 1 + k - 1;
    const bEnd = Math.max(...g.map((r) => r.b + r.len)) - 1 + k - 1;
    const bStart = Math.min(...g.map((r) => r.b));
    passages.push({ start: a.offsets[first.a]!, end: a.offsets[aEnd]! + 1, other_start: b.offsets[bStart]!, other_end: b.offsets[bEnd]! + 1, specific });
    total += specific;
  }
  if (total < params.minPair) return null;
  let cA = 0;
  let cB = 0;
  for (let i = 0; i < ha.length; i++) if (coveredA[i] && specA[i]) cA++;
  for (let j = 0; j < hb.length; j++) if (coveredB[j] && specB[j]) cB++;
  return { passages, similarity: cA / nA, other_similarity: cB / nB, specific: nA, other_specific: nB };
}
