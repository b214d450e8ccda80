const ENUM_PREFIX = /^\s*(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．)）](?!\d))\s*/;

/** Leading enumeration of a label: '（一）', '(3)', '三、', '1.' → canonical '(一)', '(3)', '三、', '1.'; '' when none. */
export function enumPrefix(label: string): string {
  const m = ENUM_PREFIX.exec(label);
  if (!m) return '';
  return m[0].replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/．/g, '.').replace(/、$/, '、');
}

/**
 * Comparable form of a table label: enumeration prefix, parenthesised notes, whitespace, quotes and punctuation
 * removed. '规章(设区的市、自治州人民政府应提供相关数据)' → '规章'; '法 律 服 务 机 构' → '法律服务机构';
 * '（二）部分公开（区分处理的…）' → '部分公开'; 其它 → 其他. Traditional
 * script is converted before (the whole document's simplified view, src/core/script).
 */
export function labelKey(label: string): string {
  let s = label.replace(ENUM_PREFIX, '').replace(/其它/g, '其他');
  // drop bracketed notes, but keep the text when the whole label is bracketed
  const stripped = s.replace(/[(（][^()（）]*[)）]?/g, '');
  if (stripped.replace(/\s/g, '').length > 0) s = stripped;
  return s.replace(/[\s|“”"'‘’「」《》<>，,、。.．:：;；!！?？·\-—_/]/g, '');
}

/** Dice coefficient over character bigrams, for long labels with typos. */
export function bigramSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let hit = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) { hit++; grams.set(g, n - 1); }
  }
  return (2 * hit) / (a.length - 1 + b.length - 1);
}

/**
 * How well a label as written matches candidate template labels (already passed through labelKey):
 * 3 exact; 2 prefix in either direction ('规范性文件(…)' → '规范性文件'), only for candidates of ≥ 4 characters so
 * '（六）其他处理' does not match '其他'; 1 bigram similarity ≥ 0.75 for labels of ≥ 6 characters (typos); 0 none.
 */
export function labelScore(written: string, candidates: readonly string[]): number {
  return keyScore(labelKey(written), candidates);
}

/** labelScore for a label already passed through labelKey (callers scoring one label against many rows). */
export function keyScore(w: string, candidates: readonly string[]): number {
  if (!w) return 0;
  let best = 0;
  for (const c of candidates) {
    if (!c) continue;
    if (w === c) return 3;
    if (c.length >= 4 && w.length >= 4 && (w.startsWith(c) || (c.startsWith(w) && w.length >= Math.min(6, c.length)))) best = Math.max(best, 2);
    // Dice is at most 2·min/(sum of lengths): lengths alone rule most pairs out before counting bigrams
    else if (c.length >= 6 && w.length >= 6 && 2 * Math.min(w.length, c.length) >= 0.75 * (w.length + c.length) && bigramSimilarity(w, c) >= 0.75) best = Math.max(best, 1);
  }
  return best;
}

export const labelMatches = (written: string, candidates: readonly string[]): boolean => labelScore(written, candidates) > 0;
