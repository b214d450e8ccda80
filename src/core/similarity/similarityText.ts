/**
 * The text of one section as the copy search reads it: Han characters and letters only (spaces, punctuation and
 * layout do not make two texts different), every run of digits as one '0' (a copy with this year's figures is still a
 * copy), and the report's own organ and place names as one mark (a template copied by another organ usually
 * changes only the name). `offsets[i]` is where the i-th character stands in the original text.
 */
export interface SimilarityText {
  norm: string;
  offsets: Int32Array;
}

export const NAME_MARK = '\ue000';

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** The names to mark in a report's text: the organ, its places, their short forms (湖北省 → 湖北), longest first. */
export function maskNames(names: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const s = (n ?? '').replace(/\s/g, '');
    if (s.length < 2) continue;
    out.add(s);
    const short = s.replace(/(省|市|区|县|旗|自治区|自治州|自治县|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
    if (short.length >= 2 && short !== s) out.add(short);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function similarityText(text: string, start: number, end: number, names: readonly string[] = []): SimilarityText {
  const marks = new Map<number, number>();
  if (names.length) {
    const re = new RegExp(names.map(escapeRe).join('|'), 'g');
    const part = text.slice(start, end);
    for (const m of part.matchAll(re)) marks.set(start + m.index, start + m.index + m[0].length);
  }
  const chars = new Uint16Array(Math.max(0, end - start));
  const offs = new Int32Array(chars.length);
  let n = 0;
  let inDigits = false;
  for (let i = start; i < end; i++) {
    const stop = marks.get(i);
    if (stop !== undefined) {
      chars[n] = 0xe000;
      offs[n++] = i;
      inDigits = false;
      i = stop - 1;
      continue;
    }
    let c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (!inDigits) { chars[n] = 48; offs[n++] = i; }
      inDigits = true;
      continue;
    }
    // 1,234.5 stays one number
    if (inDigits && (c === 46 || c === 44) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) continue;
    inDigits = false;
    if (c >= 0xff21 && c <= 0xff5a) c -= 0xfee0;
    if (c >= 65 && c <= 90) c += 32;
    if (isHan(c) || (c >= 97 && c <= 122)) { chars[n] = c; offs[n++] = i; }
  }
  let norm = '';
  for (let i = 0; i < n; i += 8192) norm += String.fromCharCode(...chars.subarray(i, Math.min(n, i + 8192)));
  return { norm, offsets: offs.slice(0, n) };
}
