import { fmix32 } from './hash32.ts';

/**
 * MinHash over 32-bit shingle hashes, written here rather than taken from npm: the registry's packages (minhash,
 * bloom-filters) draw their hash functions from Math.random (no seed, so two workers' signatures would not compare),
 * use floating-point modular arithmetic above 2^53 and allocate per value; this is one multiply-xorshift per slot
 * on typed arrays, seeded. Slot s hashes x as fmix-like(imul(x ^ b_s, a_s)); the signature keeps the minimum.
 */
export class MinHasher {
  readonly size: number;
  #a: Uint32Array;
  #b: Uint32Array;

  constructor(size: number, seed: number) {
    this.size = size;
    this.#a = new Uint32Array(size);
    this.#b = new Uint32Array(size);
    for (let s = 0; s < size; s++) {
      this.#a[s] = (fmix32(seed + 2 * s + 1) | 1) >>> 0;
      this.#b[s] = fmix32(seed ^ Math.imul(s + 1, 0x27d4eb2f));
    }
  }

  /** Minimum over `hashes[idx[i]]` for i in [from, to) of each slot's hash, into `out` (size values). */
  signature(hashes: Uint32Array, idx: Int32Array, from: number, to: number, out: Uint32Array): Uint32Array {
    out.fill(0xffffffff);
    const a = this.#a;
    const b = this.#b;
    for (let i = from; i < to; i++) {
      const x = hashes[idx[i]!]!;
      for (let s = 0; s < this.size; s++) {
        let h = Math.imul(x ^ b[s]!, a[s]!);
        h ^= h >>> 15;
        h >>>= 0;
        if (h < out[s]!) out[s] = h;
      }
    }
    return out;
  }
}

/** Elementwise minimum: the signature of the union of two sets. */
export function minInto(a: Uint32Array, b: Uint32Array, out: Uint32Array): Uint32Array {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! < b[i]! ? a[i]! : b[i]!;
  return out;
}

/**
 * LSH band keys: band j hashes rows j·r … j·r+r−1 of the signature into two 32-bit halves (k1, k2) — together a
 * 64-bit bucket, so unrelated windows of a national corpus do not collide by accident. Two windows share a bucket in
 * some band with probability 1 − (1 − J^r)^bands for Jaccard similarity J.
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number, out = new Uint32Array(2 * bands)): Uint32Array {
  for (let j = 0; j < bands; j++) {
    let h1 = Math.imul(j + 1, 0x9e3779b1);
    let h2 = Math.imul(j + 1, 0x85ebca77) ^ 0x7f4a7c15;
    for (let r = 0; r < rows; r++) {
      const v = sig[j * rows + r]!;
      h1 = Math.imul(h1 ^ v, 0x01000193) + r;
      h2 = Math.imul(h2 + v, 0xc2b2ae35) ^ (v >>> 16);
    }
    out[2 * j] = fmix32(h1);
    out[2 * j + 1] = fmix32(h2);
  }
  return out;
}
