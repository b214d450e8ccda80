import { BOILERPLATE_PHRASES } from './boilerplatePhrases.ts';
import { shingleHashes } from './shingleHashes.ts';
import type { ShingleCounts } from './shingleCounts.ts';
import { similarityText } from './similarityText.ts';
import { SIMILARITY_DEFAULTS, boilerplateThreshold, type SimilarityParams } from './similarityParams.ts';

/** Decides which shingles are boilerplate: the fixed phrases, and those at or above the corpus threshold. */
export interface BoilerplateModel {
  readonly threshold: number;
  isBoilerplate(h: number): boolean;
}

const PHRASES = new Map<number, Set<number>>();
const phrases = (k: number): Set<number> => {
  let s = PHRASES.get(k);
  if (s) return s;
  s = new Set<number>();
  for (const p of BOILERPLATE_PHRASES) for (const h of shingleHashes(similarityText(p, 0, p.length).norm, k)) s.add(h);
  PHRASES.set(k, s);
  return s;
};

export function boilerplateModel(counts: ShingleCounts | null, params: SimilarityParams = SIMILARITY_DEFAULTS): BoilerplateModel {
  const fixed = phrases(params.shingle);
  const threshold = counts ? boilerplateThreshold(counts.reports, params) : Infinity;
  return {
    threshold,
    isBoilerplate: counts
      ? (h) => fixed.has(h) || counts.count(h) >= threshold
      : (h) => fixed.has(h),
  };
}
