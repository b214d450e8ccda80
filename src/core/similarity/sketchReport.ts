import type { SectionKey } from '../schema.ts';
import type { BoilerplateModel } from './boilerplateModel.ts';
import { MinHasher, bandKeys, minInto } from './minHash.ts';
import type { PreparedSection } from './prepareReport.ts';
import { SIMILARITY_DEFAULTS, type SimilarityParams } from './similarityParams.ts';

export interface SketchWindow {
  /** shingle range [from, to) in the section's normalised text */
  from: number;
  to: number;
  /** LSH bucket per band: k1, k2 of band j at 2j, 2j+1 */
  bands: Uint32Array;
}

export interface SectionSketch {
  key: SectionKey;
  /** characters kept after normalisation, shingles, and shingles that are not boilerplate */
  chars: number;
  shingles: number;
  specific: number;
  windows: SketchWindow[];
}

const HASHERS = new Map<string, MinHasher>();
const hasherFor = (size: number, seed: number): MinHasher => {
  const k = `${size}:${seed}`;
  let h = HASHERS.get(k);
  if (!h) HASHERS.set(k, (h = new MinHasher(size, seed)));
  return h;
};

/** Positions of the shingles that are not boilerplate. */
export function specificIndex(hashes: Uint32Array, model: BoilerplateModel): Int32Array {
  const idx = new Int32Array(hashes.length);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (!model.isBoilerplate(hashes[i]!)) idx[n++] = i;
  return idx.subarray(0, n);
}

/**
 * The LSH sketch of each text section: boilerplate shingles left out, the rest cut into halves of `half` specific
 * shingles, one MinHash signature per pair of consecutive halves (windows overlap by half, so a copied passage
 * about a window long lies mostly inside some window of both texts), and its band keys. Pure: it can run in the
 * build's workers, given the same boilerplate model and seed.
 */
export function sketchReport(prepared: readonly PreparedSection[], model: BoilerplateModel, params: SimilarityParams = SIMILARITY_DEFAULTS): SectionSketch[] {
  const size = params.bands * params.rows;
  const hasher = hasherFor(size, params.seed);
  return prepared.map((p) => {
    const idx = specificIndex(p.hashes, model);
    const base = { key: p.key, chars: p.norm.length, shingles: p.hashes.length, specific: idx.length };
    if (idx.length < params.minSpecific) return { ...base, windows: [] };
    const n = idx.length;
    // halves of `half` shingles; a short last half joins the one before
    const cuts: number[] = [];
    for (let i = 0; i < n; i += params.half) cuts.push(i);
    if (cuts.length > 1 && n - cuts[cuts.length - 1]! < params.half / 2) cuts.pop();
    cuts.push(n);
    const halves = cuts.slice(0, -1).map((from, i) => ({ from, to: cuts[i + 1]!, sig: hasher.signature(p.hashes, idx, from, cuts[i + 1]!, new Uint32Array(size)) }));
    const windows: SketchWindow[] = [];
    const sig = new Uint32Array(size);
    if (halves.length === 1) windows.push({ from: idx[0]!, to: idx[n - 1]! + 1, bands: bandKeys(halves[0]!.sig, params.bands, params.rows) });
    for (let i = 0; i + 1 < halves.length; i++) {
      const a = halves[i]!;
      const b = halves[i + 1]!;
      windows.push({ from: idx[a.from]!, to: idx[b.to - 1]! + 1, bands: bandKeys(minInto(a.sig, b.sig, sig), params.bands, params.rows) });
    }
    return { ...base, windows };
  });
}
