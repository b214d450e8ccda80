import { normalizeText } from '../../normalize/normalizeText.ts';
import type { PdfTextItem } from './pdfPlatform.ts';

/** A piece of text pdf.js placed on the page, in top-left page coordinates (PDF units). */
export interface Run {
  str: string;
  x: number;
  /** top and bottom of the glyphs (baseline − 0.8 size, baseline + 0.2 size) */
  top: number;
  bottom: number;
  w: number;
  size: number;
  /** 1-based page */
  page: number;
}

export const WIDE_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;
const SPACE_BETWEEN_WIDE = /([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]) +(?=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f])/g;

/**
 * A run's text made ready for the document: normalised, whitespace collapsed, a pipe made full-width (it would
 * split a pipe row), and the spaces a justified or distributed line puts between Chinese characters removed
 * (`商 业 企` → `商业企`, `结 果` → `结果`).
 */
export const cleanRun = (s: string): string =>
  normalizeText(s).replace(/[\s\u00a0]+/g, ' ').trim().replaceAll('|', '｜').replace(SPACE_BETWEEN_WIDE, '$1');

/** Items whose text is drawn at an angle (watermarks, rotated stamps) are not read. */
export interface RunsOfPage {
  runs: Run[];
  rotated: number;
}

/** pdf.js text items → runs: whitespace-only items dropped (their widths are unreliable), rotated text set aside. */
export function pdfRuns(items: ArrayLike<PdfTextItem | { type: string }>, view: readonly number[], page: number): RunsOfPage {
  const runs: Run[] = [];
  let rotated = 0;
  const x0 = view[0]!;
  const y1 = view[3]!;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as PdfTextItem;
    if (typeof it.str !== 'string' || !it.transform) continue;
    const str = cleanRun(it.str);
    if (!str) continue;
    const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
    if (Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0 || d <= 0) {
      rotated++;
      continue;
    }
    const size = Math.abs(d) || it.height || 10;
    const baseline = y1 - f;
    runs.push({ str, x: e - x0, top: baseline - 0.8 * size, bottom: baseline + 0.2 * size, w: it.width > 0 ? it.width : size * [...str].length, size, page });
  }
  return { runs, rotated };
}

/** A line of runs, left to right, and where each run's text stands in the line's text. */
export interface RunLine {
  runs: Run[];
  text: string;
  /** [from, to) of each run in `text` */
  at: [number, number][];
  x: number;
  right: number;
  top: number;
  bottom: number;
  size: number;
}

/** Runs grouped into visual lines: a run joins a line when their vertical extents overlap by half the smaller one. */
export function groupLines(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => p.top - q.top || p.x - q.x);
  const lines: { runs: Run[]; top: number; bottom: number }[] = [];
  for (const r of sorted) {
    let best: (typeof lines)[number] | null = null;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 4; k--) {
      const l = lines[k]!;
      const overlap = Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top);
      if (overlap >= 0.5 * Math.min(l.bottom - l.top, r.bottom - r.top)) {
        best = l;
        break;
      }
    }
    if (best) {
      best.runs.push(r);
      best.top = Math.min(best.top, r.top);
      best.bottom = Math.max(best.bottom, r.bottom);
    } else lines.push({ runs: [r], top: r.top, bottom: r.bottom });
  }
  return lines.map((l) => l.runs.sort((p, q) => p.x - q.x));
}

/**
 * Runs of one line joined: no space where glyphs touch or beside a Chinese character (unless the gap is wide), one
 * space where a gap separates Latin text or digits, and `gapSeparator` (' | ' for a row of a table without rules) where a gap of more
 * than `columnGap` font sizes separates two columns.
 */
export function lineText(runs: readonly Run[], columnGap = Infinity, gapSeparator = ' '): RunLine {
  let text = '';
  const at: [number, number][] = [];
  let prev: Run | null = null;
  for (const r of runs) {
    if (prev) {
      const gap = r.x - (prev.x + prev.w);
      const size = Math.min(prev.size, r.size);
      // beside a Chinese character a small gap is typography (the autospace Word, WPS and LibreOffice put between
      // Chinese and Latin or digits), never a word break: `增 191` is `增191`, `2024 年` is `2024年`
      const wide = WIDE_CHAR.test(text[text.length - 1]!) || WIDE_CHAR.test(r.str[0]!);
      if (gap > columnGap * size) text += gapSeparator;
      else if (gap > (wide ? 0.6 : 0.15) * size) text += ' ';
    }
    at.push([text.length, text.length + r.str.length]);
    text += r.str;
    prev = r;
  }
  return {
    runs: [...runs], text, at,
    x: Math.min(...runs.map((r) => r.x)), right: Math.max(...runs.map((r) => r.x + r.w)),
    top: Math.min(...runs.map((r) => r.top)), bottom: Math.max(...runs.map((r) => r.bottom)),
    size: median(runs.map((r) => r.size)),
  };
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
