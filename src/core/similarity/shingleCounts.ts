import { fmix32 } from './hash32.ts';

/**
 * In how many reports each shingle occurs, for every shingle of a national corpus (≈10^8 distinct ones), in fixed
 * memory: a count-min sketch with conservative update (each report raises only the smallest of a shingle's
 * counters). It never under-counts, so a boilerplate shingle is always recognised; a rare shingle is over-counted
 * only when all its counters collide with frequent ones (≈ (boilerplate shingles / width)^depth). Counts stop at 65535.
 * Sketches built with the same shape can be merged (one per worker).
 */
export class ShingleCounts {
  readonly widthBits: number;
  readonly depth: number;
  #rows: Uint16Array[];
  #reports = 0;

  constructor(widthBits = 22, depth = 2) {
    this.widthBits = widthBits;
    this.depth = depth;
    this.#rows = Array.from({ length: depth }, () => new Uint16Array(1 << widthBits));
  }

  get reports(): number {
    return this.#reports;
  }

  /** The counters, to hand the finished sketch to workers (postMessage; the arrays can be transferred or shared). */
  export(): { widthBits: number; depth: number; reports: number; rows: Uint16Array[] } {
    return { widthBits: this.widthBits, depth: this.depth, reports: this.#reports, rows: this.#rows };
  }

  static from(x: { widthBits: number; depth: number; reports: number; rows: readonly Uint16Array[] }): ShingleCounts {
    if (x.rows.length !== x.depth || x.rows.some((r) => r.length !== 1 << x.widthBits)) throw new Error('ShingleCounts.from: rows do not match the shape');
    const c = new ShingleCounts(0, 0);
    (c as { widthBits: number }).widthBits = x.widthBits;
    (c as { depth: number }).depth = x.depth;
    c.#rows = [...x.rows];
    c.#reports = x.reports;
    return c;
  }

  #slot(h: number, row: number): number {
    return fmix32(h ^ Math.imul(row + 1, 0x9e3779b9)) >>> (32 - this.widthBits);
  }

  /** One report's distinct shingles (uniqueSorted). */
  addReport(unique: Uint32Array): void {
    this.#reports++;
    const d = this.depth;
    const slots = new Int32Array(d);
    for (let i = 0; i < unique.length; i++) {
      const h = unique[i]!;
      let min = 65535;
      for (let r = 0; r < d; r++) {
        const s = this.#slot(h, r);
        slots[r] = s;
        const v = this.#rows[r]![s]!;
        if (v < min) min = v;
      }
      if (min === 65535) continue;
      for (let r = 0; r < d; r++) if (this.#rows[r]![slots[r]!] === min) this.#rows[r]![slots[r]!] = min + 1;
    }
  }

  /** Estimated number of reports holding the shingle (≥ the true number). */
  count(h: number): number {
    let min = 65535;
    for (let r = 0; r < this.depth; r++) {
      const v = this.#rows[r]![this.#slot(h, r)]!;
      if (v < min) min = v;
    }
    return min;
  }

  /** Adds another sketch of the same shape (a worker's) to this one. Exact for plain counting; conservative update makes the merged counts an upper bound still. */
  merge(other: ShingleCounts): void {
    if (other.widthBits !== this.widthBits || other.depth !== this.depth) throw new Error('ShingleCounts.merge: sketches of different shapes');
    for (let r = 0; r < this.depth; r++) {
      const a = this.#rows[r]!;
      const b = other.#rows[r]!;
      for (let i = 0; i < a.length; i++) a[i] = Math.min(65535, a[i]! + b[i]!);
    }
    this.#reports += other.#reports;
  }
}
