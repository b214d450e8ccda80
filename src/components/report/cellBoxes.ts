/** data/files/<report_id>.layout.json as the pipeline writes it (src/pipeline/writeSourceFile.ts). */
export interface LayoutFile {
  version: 1;
  pages: { width: number; height: number }[];
  /** [start, end, page, x, y, w, h]: a text run's offsets into texts.text and its box (PDF units, top-left origin) */
  boxes: [number, number, number, number, number, number, number][];
}

export interface Box {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The box of each range on its page: the union of the boxes of the runs it overlaps (a cell whose text stands in
 * several runs, a wrapped label), on the page of its first run. Ranges without a run (an empty cell) get none.
 */
export function rangeBoxes<K>(layout: LayoutFile, ranges: readonly { key: K; start: number; end: number }[]): Map<K, Box> {
  const boxes = [...layout.boxes].sort((a, b) => a[0] - b[0]);
  const out = new Map<K, Box>();
  for (const r of ranges) {
    if (!(r.end > r.start)) continue;
    // first run that ends after the range starts
    let lo = 0;
    let hi = boxes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boxes[mid]![1] <= r.start) lo = mid + 1;
      else hi = mid;
    }
    let box: Box | null = null;
    for (let i = lo; i < boxes.length && boxes[i]![0] < r.end; i++) {
      const [, , page, x, y, w, h] = boxes[i]!;
      if (!box) box = { page, x, y, w, h };
      else if (page === box.page) {
        const x1 = Math.max(box.x + box.w, x + w);
        const y1 = Math.max(box.y + box.h, y + h);
        box.x = Math.min(box.x, x);
        box.y = Math.min(box.y, y);
        box.w = x1 - box.x;
        box.h = y1 - box.y;
      }
    }
    if (box) out.set(r.key, box);
  }
  return out;
}
