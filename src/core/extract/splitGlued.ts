import { parseCellValue } from './parseCellValue.ts';
import type { Token } from './tokenize.ts';

/** Beyond this many ways to cut a row's digit runs the row is not searched (its cells are flagged). */
export const MAX_SPLITS = 20000;

/** A value token that may hold several cells run together: written against its label, or a number with a leading zero. */
export const looksGlued = (t: Token): boolean =>
  t.kind === 'value' && (t.attached === true || /^0\d/.test(t.text));

/** Positions inside a token's text where it may be cut: between two digits of its integer part. */
function cutPoints(t: Token): number[] {
  const s = t.text;
  let a = 0;
  while (a < s.length && !/\d/.test(s[a]!)) a++;
  let b = a;
  while (b < s.length && /\d/.test(s[b]!)) b++;
  const out: number[] = [];
  for (let i = a + 1; i < b; i++) out.push(i);
  return out;
}

const piece = (t: Token, from: number, to: number): Token => {
  const text = t.text.slice(from, to);
  const parsed = parseCellValue(text) ?? undefined;
  return { text, start: t.start + from, end: t.start + to, kind: 'value', ...(parsed ? { parsed } : {}) };
};

/** A piece is a number as people write it: no leading zero ('0181' is two cells or none). */
const wellFormed = (s: string): boolean => !/^[+\-−–增减]?0\d/.test(s);

/**
 * Every way to cut the tokens (kept in order, each giving at least one piece) into exactly n cells that are well-formed
 * numbers; [] when none, or null when there are more than MAX_SPLITS (undecidable here).
 */
export function gluedSplits(tokens: readonly Token[], n: number): Token[][] | null {
  const cuts = tokens.map(cutPoints);
  const maxPieces = cuts.reduce((s, c) => s + c.length + 1, 0);
  if (tokens.length > n || maxPieces < n) return [];
  const out: Token[][] = [];
  const acc: Token[] = [];
  let overflow = false;
  const rec = (k: number, left: number): void => {
    if (overflow) return;
    if (k === tokens.length) {
      if (left === 0) {
        out.push([...acc]);
        if (out.length > MAX_SPLITS) overflow = true;
      }
      return;
    }
    const t = tokens[k]!;
    const c = cuts[k]!;
    let restMax = 0;
    for (let j = k + 1; j < tokens.length; j++) restMax += cuts[j]!.length + 1;
    const restMin = tokens.length - k - 1;
    // choose how many pieces this token gives, then where to cut
    for (let pieces = 1; pieces <= c.length + 1; pieces++) {
      const rest = left - pieces;
      if (rest < restMin || rest > restMax) continue;
      const choose = (from: number, need: number, last: number): void => {
        if (overflow) return;
        if (need === 0) {
          const p = piece(t, last, t.text.length);
          if (!wellFormed(p.text)) return;
          acc.push(p);
          rec(k + 1, rest);
          acc.pop();
          return;
        }
        for (let i = from; i <= c.length - need; i++) {
          const p = piece(t, last, c[i]!);
          if (!wellFormed(p.text)) continue;
          acc.push(p);
          choose(i + 1, need - 1, c[i]!);
          acc.pop();
        }
      };
      choose(0, pieces - 1, 0);
    }
  };
  rec(0, n);
  return overflow ? null : out;
}
