/**
 * Every number the copied-text search (内容雷同) uses, in one place; docs/similarity.md explains each. A run is a pure
 * function of these and the texts, so the same corpus gives the same similar_passages.
 */
export interface SimilarityParams {
  /** characters per shingle (after normalisation: Han characters, letters, '0' for a run of digits) */
  shingle: number;
  /** MinHash rows per LSH band and bands per window signature (signature length = bands × rows) */
  rows: number;
  bands: number;
  /** specific shingles per half-window; a window is two consecutive halves, so windows overlap by half */
  half: number;
  /** fewer specific shingles than this in a section: no window (too little of its own to copy) */
  minSpecific: number;
  /** a shingle in at least max(minDf, dfShare × reports) reports is boilerplate (it does not count as copied); an LSH
   * bucket holding more windows than that is boilerplate too and pairs nothing */
  minDf: number;
  dfShare: number;
  /** a passage needs this many specific shingles; a section pair needs this many in all its passages */
  minPassage: number;
  minPair: number;
  /** matches closer than this (in shingles, on both sides) join into one passage */
  gap: number;
  /** seed of the MinHash functions (all workers of a build must use the same) */
  seed: number;
  /** count-min sketch of shingle document frequencies: 2^widthBits counters per row, `depth` rows */
  widthBits: number;
  depth: number;
}

export const SIMILARITY_DEFAULTS: Readonly<SimilarityParams> = {
  shingle: 5,
  rows: 3,
  bands: 20,
  half: 20,
  minSpecific: 20,
  minDf: 50,
  dfShare: 0.005,
  minPassage: 15,
  minPair: 30,
  gap: 12,
  seed: 0x5eed2026,
  widthBits: 22,
  depth: 2,
};

/** The document frequency from which a shingle is boilerplate, for a corpus of `reports` reports. */
export const boilerplateThreshold = (reports: number, p: Pick<SimilarityParams, 'minDf' | 'dfShare'> = SIMILARITY_DEFAULTS): number =>
  Math.max(p.minDf, Math.ceil(p.dfShare * reports));
