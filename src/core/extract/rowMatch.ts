// Shared row matching of the three tables: which template row a label token names, the rows of a stretch of tokens
// (label + the values after it, or values without a label), and their alignment to the template's row order.
import { TEMPLATE } from '../template/template.ts';
import { keyScore, labelKey } from './labelKey.ts';
import type { Token } from './tokenize.ts';

/** Keys a template label can be matched by: itself and its label_aliases, all through labelKey. */
const KEYS_MEMO = new Map<string, string[]>();
export function labelKeys(label: string | null): string[] {
  if (!label) return [];
  const memo = KEYS_MEMO.get(label);
  if (memo) return memo;
  const keys = [labelKey(label)];
  for (const a of TEMPLATE.label_aliases[label] ?? []) keys.push(labelKey(a));
  // aliases are keyed by the 2021 labels; the 2019 form's shorter labels share them ('规范性文件' ↔ '行政规范性文件')
  for (const [canon, aliases] of Object.entries(TEMPLATE.label_aliases)) {
    if (aliases.some((a) => labelKey(a) === keys[0])) keys.push(labelKey(canon));
  }
  const out = [...new Set(keys.filter(Boolean))];
  KEYS_MEMO.set(label, out);
  return out;
}

// a word opening with an enumeration: （一） (3) 1. 三、
const ENUM_WORD = /(?:^|\s)((?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|[一二三四五六七八九十]+、)\S*)/g;

/**
 * The comparable keys of a label token: the whole label and, when parent and child stand on one line
 * ('三、本年度办理结果 （一）予以公开'), the last enumerated item, and the last word.
 */
export function tokenKeys(text: string): string[] {
  const whole = labelKey(text);
  if (!/\s/.test(text.trim())) return [whole];
  let last: string | null = null;
  for (const m of text.matchAll(ENUM_WORD)) last = text.slice(m.index + m[0].indexOf(m[1]!));
  const keys = [whole];
  if (last && last !== text) keys.push(labelKey(last));
  const word = text.trim().split(/\s+/).pop()!;
  if (word.length >= 4) keys.push(labelKey(word));
  return keys;
}

const bestScore = (keys: string[], candidates: readonly string[]): number => {
  let best = 0;
  for (const k of keys) best = Math.max(best, keyScore(k, candidates));
  return best;
};

// characters labelKey drops
const DROPPED = /[\s|“”"'‘’「」《》<>，,、。.．:：;；!！?？·\-—_/]/;
const TRAILING_ENUM = /(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[.．、])\s*$/;

/**
 * Where a label ends a longer text token ('…法律服务机构其他一、本年新收政府信息公开申请数量', a one-line page or a
 * header run into the first row): the offset in the token's text where the label (with its enumeration) starts, or -1.
 */
export function suffixStart(text: string, key: string): number {
  if (key.length < 2) return -1;
  let depth = 0;
  let k = key.length - 1;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '）' || c === ')') { depth++; continue; }
    if (c === '（' || c === '(') { if (depth > 0) depth--; continue; }
    if (depth > 0 || DROPPED.test(c)) continue;
    const want = key[k]!;
    if (c !== want && !(want === '他' && c === '它')) return -1;
    if (k === 0) {
      const m = TRAILING_ENUM.exec(text.slice(0, i));
      return m ? m.index : i;
    }
    k--;
  }
  return -1;
}

export interface LabelHit {
  /** score as keyScore: 3 exact, 2 prefix or ending, 1 similar */
  score: number;
  /** the label as it stands (a suffix of a longer token when the label ends it) */
  label: Token;
}

/** How well a text token names a row with these keys; a label that ends a longer token counts as a prefix match. */
export function matchLabel(t: Token, keys: readonly string[], tkeys: string[] = tokenKeys(t.text)): LabelHit | null {
  const score = bestScore(tkeys, keys);
  if (score > 0) return { score, label: t };
  return suffixHit(t, tkeys[0]!, keys);
}

function suffixHit(t: Token, whole: string, keys: readonly string[]): LabelHit | null {
  if (t.text.length < 4) return null;
  for (const k of keys) {
    if (k.length < 2 || k.length >= whole.length || !whole.endsWith(k)) continue;
    const at = suffixStart(t.text, k);
    if (at <= 0) continue;
    return { score: 2, label: { text: t.text.slice(at), start: t.start + at, end: t.end, kind: 'text' } };
  }
  return null;
}

/**
 * A matcher of text tokens against many rows at once: exact and prefix matches (and labels ending a longer token)
 * first; the slower similarity of long labels with typos only when no row matched otherwise.
 */
export function rowMatcher(rows: readonly RowDef[]): (t: Token) => Obs['hits'] {
  return (t) => {
    if (t.kind !== 'text' || t.text.length > 400) return [];
    const tkeys = tokenKeys(t.text);
    const hits: Obs['hits'] = [];
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      let score = 0;
      for (const w of tkeys) {
        for (const c of r.keys) {
          if (w === c) { score = 3; break; }
          if (c.length >= 4 && w.length >= 4 && (w.startsWith(c) || (c.startsWith(w) && w.length >= Math.min(6, c.length)))) score = Math.max(score, 2);
        }
        if (score === 3) break;
      }
      if (score > 0) { hits.push({ row: k, score, label: t }); continue; }
      const sh = suffixHit(t, tkeys[0]!, r.keys);
      if (sh) hits.push({ row: k, score: sh.score, label: sh.label });
    }
    if (hits.length === 0) {
      for (let k = 0; k < rows.length; k++) {
        const score = bestScore(tkeys, rows[k]!.keys);
        if (score > 0) hits.push({ row: k, score, label: t });
      }
    }
    return hits.sort((a, b) => b.score - a.score);
  };
}

/** A label written over two lines, kept whole as the row label (its offsets span both parts). */
export const joinLabel = (a: Token, b: Token): Token => ({ text: a.text + b.text, start: a.start, end: b.end, kind: 'text' });

/** Value and empty tokens from index i on, up to the next text token or `to`. */
export function valuesFrom(tokens: readonly Token[], i: number, to = tokens.length): Token[] {
  const out: Token[] = [];
  for (let j = i; j < to; j++) {
    const t = tokens[j]!;
    if (t.kind === 'text') break;
    out.push(t);
  }
  return out;
}

export interface RowDef {
  key: string;
  keys: string[];
  /** position in the template's row order */
  order: number;
  /** a row of the other form (the 2019 single （六）其他处理 in a 2021 table, or the reverse): matched by its label only */
  alt?: boolean;
}

export interface Obs {
  /** the row label, null for values standing without one */
  label: Token | null;
  values: Token[];
  /** rows the label names, best first */
  hits: { row: number; score: number; label: Token }[];
  /** token index of the first value (or of the label when there are none) */
  at: number;
}

/**
 * The rows of a stretch of tokens: each text token that names a template row, with the values after it (after a
 * broken label's continuation when needed), and each run of values no label names.
 */
export function observe(tokens: readonly Token[], rows: readonly RowDef[], from = 0, to = tokens.length): Obs[] {
  const out: Obs[] = [];
  const hitsOf = rowMatcher(rows);
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    if (t.kind !== 'text') {
      const values = valuesFrom(tokens, i, to);
      out.push({ label: null, values, hits: [], at: i });
      i += values.length;
      continue;
    }
    let hits = hitsOf(t);
    let end = i;
    const next = tokens[i + 1];
    if (hits.length === 0 && next?.kind === 'text' && i + 2 < to && tokens[i + 2]!.kind !== 'text' && t.text.length + next.text.length < 80 && hitsOf(next).length === 0) {
      // a label broken over two lines where neither half matches alone ('1.本机关不掌' + '握相关政府信息')
      hits = hitsOf(joinLabel(t, next));
      if (hits.length) end = i + 1;
    }
    if (hits.length === 0) { i++; continue; }
    let values = valuesFrom(tokens, end + 1, to);
    if (values.length === 0 && end === i) {
      // the label's second half on the next line, the values after it ('（二）部分公开（区分处理的，只计这一情' … '形，…）')
      const c = tokens[i + 1];
      if (c && c.kind === 'text' && i + 2 < to && tokens[i + 2]!.kind !== 'text' && c.text.length <= 60 && hitsOf(c).length === 0) {
        values = valuesFrom(tokens, i + 2, to);
        hits = hits.map((h) => ({ ...h, label: joinLabel(h.label, c) }));
        end = i + 1;
      }
    } else if (end > i) {
      hits = hits.map((h) => ({ ...h, label: joinLabel(t, next!) }));
    }
    out.push({ label: hits[0]!.label, values, hits, at: values.length ? end + 1 : i });
    i = end + 1 + values.length;
  }
  return out;
}

export interface Placed {
  row: number;
  obs: Obs;
  /** no label named the row: its values were put there by the template's row order */
  byOrder: boolean;
}

interface Node { total: number; obs: number; row: number; prev: Node | null }

/**
 * Rows to template rows, in the template's order. Labelled rows with values are the anchors (the best chain of
 * increasing rows); between two anchors, values without a label fill the template rows between them when there are
 * exactly as many of each, and a label with no values at all is a blank row when nothing else is there. What cannot
 * be placed so is returned in `unplaced`.
 */
export function alignRows(obs: readonly Obs[], rows: readonly RowDef[], minValues: number): { placed: Placed[]; unplaced: Obs[] } {
  const best: (Node | null)[] = new Array(rows.length).fill(null);
  obs.forEach((o, oi) => {
    if (o.values.length === 0 || o.hits.length === 0) return;
    const updates: Node[] = [];
    for (const h of o.hits) {
      let prev: Node | null = null;
      for (let r = 0; r < rows.length; r++) {
        if (rows[r]!.order >= rows[h.row]!.order) continue;
        const b = best[r];
        if (b && (!prev || b.total > prev.total)) prev = b;
      }
      updates.push({ total: (prev?.total ?? 0) + h.score * 10 + 1, obs: oi, row: h.row, prev });
    }
    for (const u of updates) if (!best[u.row] || u.total > best[u.row]!.total) best[u.row] = u;
  });
  let end: Node | null = null;
  for (const b of best) if (b && (!end || b.total > end.total)) end = b;
  const anchors: Node[] = [];
  for (let n = end; n; n = n.prev) anchors.unshift(n);

  const placed: Placed[] = anchors.map((a) => ({ row: a.row, obs: { ...obs[a.obs]!, label: obs[a.obs]!.hits.find((h) => h.row === a.row)!.label }, byOrder: false }));
  const used = new Set(anchors.map((a) => a.obs));
  const unplaced: Obs[] = [];
  // gaps: before the first anchor, between anchors, after the last
  const bounds = [{ row: -1, obs: -1 }, ...anchors.map((a) => ({ row: a.row, obs: a.obs })), { row: rows.length, obs: obs.length }];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const lo = bounds[g]!;
    const hi = bounds[g + 1]!;
    const loOrder = lo.row < 0 ? -Infinity : rows[lo.row]!.order;
    const hiOrder = hi.row >= rows.length ? Infinity : rows[hi.row]!.order;
    const gapRows = rows.map((r, k) => ({ r, k })).filter(({ r }) => !r.alt && r.order > loOrder && r.order < hiOrder).map(({ k }) => k);
    const inGap = obs.map((o, k) => ({ o, k })).filter(({ k }) => k > lo.obs && k < hi.obs && !used.has(k));
    const loose = inGap.filter(({ o }) => o.label === null && o.values.filter((v) => v.kind === 'value').length >= minValues);
    // values standing before the first labelled row or after the last belong to the table only when labels say where it is
    if ((g === 0 || g + 2 === bounds.length) && anchors.length === 0) continue;
    if (loose.length > 0 && loose.length === gapRows.length) {
      loose.forEach(({ o }, k) => placed.push({ row: gapRows[k]!, obs: o, byOrder: true }));
      continue;
    }
    if (loose.length === 0) {
      for (const { o } of inGap) {
        if (o.label === null || o.values.length > 0) continue;
        const h = o.hits.find((x) => gapRows.includes(x.row) && !placed.some((p) => p.row === x.row));
        if (h) placed.push({ row: h.row, obs: { ...o, label: h.label }, byOrder: false });
      }
      continue;
    }
    unplaced.push(...loose.map(({ o }) => o));
  }
  placed.sort((a, b) => rows[a.row]!.order - rows[b.row]!.order);
  return { placed, unplaced };
}
