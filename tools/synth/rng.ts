/** A small seeded PRNG (mulberry32) with the helpers the generator needs; same seed, same corpus. */
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

/** Small counts skewed towards zero, as in real reports: most cells are 0, a few are large. */
export function count(rng: Rng, max = 60): number {
  const r = rng.next();
  if (r < 0.45) return 0;
  if (r < 0.8) return rng.int(1, 9);
  if (r < 0.97) return rng.int(10, max);
  return rng.int(max, max * 40);
}
