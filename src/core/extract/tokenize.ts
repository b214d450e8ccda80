import { parseCellValue, type ParsedValue } from './parseCellValue.ts';

export interface Token {
  /** trimmed text; '' for an empty pipe cell */
  text: string;
  start: number;
  end: number;
  kind: 'text' | 'value' | 'empty';
  /** the cell value read from `text` (set for 'value' tokens, so it is parsed once) */
  parsed?: ParsedValue;
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

/**
 * Whitespace-separated words of one cell or line. 'label 1 2 3' (PDF text, a row per line) → 'label', '1', '2', '3';
 * a line where text follows numbers (a whole table on one line) → every word its own token, except that runs of
 * single characters ('结 果 维 持', vertical headers) stay together. A line of text only stays one token.
 */
function splitTrailingNumbers(out: Token[], text: string, a: number, b: number): void {
  const s = text.slice(a, b);
  const parts: { s: number; e: number; v: boolean; p: ParsedValue | null }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const v = parseCellValue(m[0]);
    parts.push({ s: m.index, e: m.index + m[0].length, v: !!v && v.state !== 'blank', p: v });
  }
  if (parts.length < 2 || !parts.some((p) => p.v)) {
    out.push(makeToken(text, a, b));
    return;
  }
  const firstValue = parts.findIndex((p) => p.v);
  const interleaved = parts.slice(firstValue).some((p) => !p.v);
  // 'label 1 2 3' keeps a label of one or two words whole ('结果 维持'); longer prefixes are headers and labels in a row
  if (!interleaved && firstValue <= 2) {
    if (firstValue > 0) out.push(makeToken(text, a, a + parts[firstValue - 1]!.e));
    for (let k = firstValue; k < parts.length; k++) out.push(makeToken(text, a + parts[k]!.s, a + parts[k]!.e, parts[k]!.p));
    return;
  }
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.v) {
      out.push(makeToken(text, a + p.s, a + p.e, p.p));
      continue;
    }
    let j = k;
    if (p.e - p.s === 1) while (j + 1 < parts.length && !parts[j + 1]!.v && parts[j + 1]!.e - parts[j + 1]!.s === 1) j++;
    out.push({ text: text.slice(a + p.s, a + parts[j]!.e), start: a + p.s, end: a + parts[j]!.e, kind: 'text' });
    k = j;
  }
}

function makeToken(text: string, start: number, end: number, parsed?: ParsedValue | null): Token {
  const t = text.slice(start, end);
  const v = parsed === undefined ? parseCellValue(t) : parsed;
  return v && v.state !== 'blank' ? { text: t, start, end, kind: 'value', parsed: v } : { text: t, start, end, kind: 'text' };
}

/**
 * Split a stretch of text into cell tokens, whatever the layout: one cell per line, tab-separated cells, or pipes
 * (`cell |` lines, markdown rows). Lines made only of pipes (`||`, `|||`, merged-cell residue) and markdown rule
 * rows are filler and dropped; a line that is a single `|` is an empty cell (it may still be filler; the aligner decides).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let pos = from;
  // a lone '|' closing a cell whose text stood on the lines above ('上一年项目数量\n|') is not an empty cell
  let openCell = false;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    const blank = isBlankLine(text, pos, nl);
    if (!(openCell && isLonePipe(text, pos, nl))) tokenizeLine(out, text, pos, nl);
    if (!blank) openCell = !hasPipe(text, pos, nl) && !isPureValueLine(out, pos);
    pos = nl + 1;
  }
  return out;
}

// Page numbers of PDF text between table rows: '- 3 -', '— 3 —', '第3页', '第 3 页 共 5 页', '3/5'.
const PAGE_MARK = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

function isBlankLine(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

function hasPipe(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 124) return true;
  return false;
}

function isLonePipe(text: string, a: number, b: number): boolean {
  let pipes = 0;
  for (let i = a; i < b; i++) {
    const c = text[i];
    if (c === '|') pipes++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return pipes === 1;
}

/** The tokens of the line starting at `pos` are all values (a value line without a pipe does not open a cell). */
function isPureValueLine(out: Token[], pos: number): boolean {
  let k = out.length - 1;
  if (k < 0 || out[k]!.start < pos) return true;
  for (; k >= 0 && out[k]!.start >= pos; k--) if (out[k]!.kind === 'text') return false;
  return true;
}

function tokenizeLine(out: Token[], text: string, ls: number, le: number): void {
  const line = text.slice(ls, le);
  if (le - ls < 24 && PAGE_MARK.test(line)) return;
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
