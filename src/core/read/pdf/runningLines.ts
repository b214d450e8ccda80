import type { PdfBlock, PdfLine } from './readPdf.ts';

/** Page-number lines: `- 3 -`, `3`, `第 3 页`, `3 / 6`, `第3页 共6页`, `Page 3 of 6`. */
const PAGE_NUMBER = /^[-—–‐\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[-—–‐\s]*$|^page\s*\d+(?:\s*of\s*\d+)?$/i;
/** The top and bottom bands of a page where running headers and footers stand. */
const BAND = 0.1;

/**
 * Running headers, footers and page numbers: lines in the top or bottom tenth of a page that are a page number, or
 * whose text (digits aside) recurs in that band on at least half the pages (two at least).
 */
export function runningLines(pages: readonly PdfBlock[][], sizes: readonly { height: number }[]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const inBand: { line: PdfLine; key: string }[] = [];
  pages.forEach((blocks, i) => {
    const h = sizes[i]?.height ?? 842;
    for (const b of blocks) {
      if (b.kind !== 'line') continue;
      const top = b.line.top < BAND * h;
      const bottom = b.line.bottom > (1 - BAND) * h;
      if (!top && !bottom) continue;
      const text = b.line.text.replace(/\s+/g, ' ').trim();
      if (PAGE_NUMBER.test(text)) {
        out.add(b);
        continue;
      }
      inBand.push({ line: b, key: `${top ? 't' : 'b'}:${text.replace(/\d+/g, '#').replace(/\s+/g, '')}` });
    }
  });
  if (pages.length >= 2) {
    const pagesOf = new Map<string, Set<number>>();
    for (const { line, key } of inBand) pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(line.page));
    const need = Math.max(2, Math.ceil(pages.length / 2));
    for (const { line, key } of inBand) if (pagesOf.get(key)!.size >= need) out.add(line);
  }
  return out;
}
