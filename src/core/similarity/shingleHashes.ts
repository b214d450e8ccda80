import { fmix32 } from './hash32.ts';

const BASE = 0x01000193;

/** 32-bit hash of every `k`-character shingle of `norm`, in order (a rolling polynomial hash, then mixed). */
export function shingleHashes(norm: string, k: number): Uint32Array {
  const n = norm.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + norm.charCodeAt(i)) | 0;
  out[0] = fmix32(h);
  for (let i = 1; i < n; i++) {
    h = (Math.imul((h - Math.imul(norm.charCodeAt(i - 1), top)) | 0, BASE) + norm.charCodeAt(i + k - 1)) | 0;
    out[i] = fmix32(h);
  }
  return out;
}

/** The distinct values, sorted (one report counts once per shingle). */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  const s = hashes.slice().sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[n++] = s[i]!;
  return s.subarray(0, n);
}
