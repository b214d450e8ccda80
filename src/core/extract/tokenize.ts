import { parseCellValue } from './parseCellValue.ts';

export interface Token {
  /** trimmed text; '' for an empty pipe cell */
  text: string;
  start: number;
  end: number;
  kind: 'text' | 'value' | 'empty';
}

const isFillerPiece = (s: string): boolean => /^:?-{3,}:?$/.test(s.trim());

function pushTrimmed(out: Token[], text: string, from: number, to: number, keepEmpty: boolean): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (a === b) {
    if (keepEmpty) out.push({ text: '', start: from, end: from, kind: 'empty' });
    return;
  }
  splitTrailingNumbers(out, text, a, b);
}

/** 'label 1 2 3' (PDF text, whole rows on one line) → 'label', '1', '2', '3'. */
function splitTrailingNumbers(out: Token[], text: string, a: number, b: number): void {
  const s = text.slice(a, b);
  const parts: { s: number; e: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) parts.push({ s: m.index, e: m.index + m[0].length });
  let j = parts.length;
  while (j > 0) {
    const p = parts[j - 1]!;
    const v = parseCellValue(s.slice(p.s, p.e));
    if (!v || v.state === 'blank') break;
    j--;
  }
  if (parts.length < 2 || j === parts.length) {
    out.push(makeToken(text, a, b));
    return;
  }
  if (j > 0) out.push(makeToken(text, a, a + parts[j - 1]!.e));
  for (let k = j; k < parts.length; k++) out.push(makeToken(text, a + parts[k]!.s, a + parts[k]!.e));
}

function makeToken(text: string, start: number, end: number): Token {
  const t = text.slice(start, end);
  const v = parseCellValue(t);
  return { text: t, start, end, kind: v && v.state !== 'blank' ? 'value' : 'text' };
}

/**
 * Split a stretch of text into cell tokens, whatever the layout: one cell per line, tab-separated cells, or pipes
 * (`cell |` lines, markdown rows). Lines made only of pipes (`||`, `|||`, merged-cell residue) and markdown rule
 * rows are filler and dropped; a line that is a single `|` is an empty cell (it may still be filler; the aligner decides).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    tokenizeLine(out, text, pos, nl);
    pos = nl + 1;
  }
  return out;
}

function tokenizeLine(out: Token[], text: string, ls: number, le: number): void {
  const line = text.slice(ls, le);
  if (!line.includes('|')) {
    splitTabs(out, text, ls, le, false);
    return;
  }
  const pieces: { s: number; e: number }[] = [];
  let s = ls;
  for (let i = ls; i < le; i++) {
    if (text[i] === '|') {
      pieces.push({ s, e: i });
      s = i + 1;
    }
  }
  pieces.push({ s, e: le });
  const blank = (p: { s: number; e: number }) => text.slice(p.s, p.e).trim() === '';
  if (pieces.length > 1 && blank(pieces[pieces.length - 1]!)) pieces.pop();
  const hasContent = pieces.some((p) => !blank(p));
  if (hasContent && pieces.length > 1 && blank(pieces[0]!) && line.trimStart().startsWith('|')) pieces.shift();
  if (!hasContent) {
    // one bare '|' → one empty cell, placed at the pipe; '||' and longer → filler
    if (pieces.length === 1) {
      const pipe = text.indexOf('|', ls);
      out.push({ text: '', start: pipe, end: pipe, kind: 'empty' });
    }
    return;
  }
  if (pieces.every((p) => blank(p) || isFillerPiece(text.slice(p.s, p.e)))) return;
  for (const p of pieces) splitTabs(out, text, p.s, p.e, true);
}

function splitTabs(out: Token[], text: string, a: number, b: number, keepEmpty: boolean): void {
  let s = a;
  let any = false;
  for (let i = a; i <= b; i++) {
    if (i === b || text[i] === '\t') {
      const before = out.length;
      pushTrimmed(out, text, s, i, false);
      if (out.length > before) any = true;
      s = i + 1;
    }
  }
  if (!any && keepEmpty) out.push({ text: '', start: a, end: a, kind: 'empty' });
}
