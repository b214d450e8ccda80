import { parseCellValue, type ParsedValue } from './parseCellValue.ts';

export interface Token {
  /** trimmed text; '' for an empty pipe cell */
  text: string;
  start: number;
  end: number;
  kind: 'text' | 'value' | 'empty';
  /** the cell value read from `text` (set for 'value' tokens, so it is parsed once) */
  parsed?: ParsedValue;
  /** a value written against the text before it with no separator ('行政许可3960181'): crawler text that lost its cells */
  attached?: boolean;
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
  const parts: Part[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const v = parseCellValue(m[0]);
    if (!v && MIXED.test(m[0]) && DIGIT.test(m[0])) {
      splitGlued(parts, m[0], m.index);
      continue;
    }
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
    for (let k = firstValue; k < parts.length; k++) {
      const tok = makeToken(text, a + parts[k]!.s, a + parts[k]!.e, parts[k]!.p);
      if (parts[k]!.attached) tok.attached = true;
      out.push(tok);
    }
    return;
  }
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.v) {
      const tok = makeToken(text, a + p.s, a + p.e, p.p);
      if (p.attached) tok.attached = true;
      out.push(tok);
      continue;
    }
    let j = k;
    if (p.e - p.s === 1) while (j + 1 < parts.length && !parts[j + 1]!.v && parts[j + 1]!.e - parts[j + 1]!.s === 1) j++;
    out.push({ text: text.slice(a + p.s, a + parts[j]!.e), start: a + p.s, end: a + parts[j]!.e, kind: 'text' });
    k = j;
  }
}

interface Part { s: number; e: number; v: boolean; p: ParsedValue | null; attached?: boolean }

const MIXED = /[\u3000-\u9fff\uff00-\uffef]/;
const DIGIT = /\d/;
// a number run inside a word: digits, a decimal part, a unit as cells write it
const RUN = /(?:增加|减少|增|减|[+\-])?\d+(?:\.\d+)?(?:万元|人次|元|件|项|个|条|次|家)?/g;
// what may stand before a cell run glued to its label, and what may follow it (the next label, an enumeration)
const BEFORE = /[\u4e00-\u9fff）)”」』】]/;
const AFTER = /[\u4e00-\u9fff（(“【+\-]/;
// prose numbers: dates, ordinals, amounts in words ('2019年', '70周年', '3万') are never cells
const PROSE_AFTER = /[年月日号时分秒届期版批倍岁名人户米千百万亿余多周度%‰：:\-—~至]/;

/**
 * A word where cells lost their separators ('行政许可3960181其他对外管理服务事项100153', '属于国家秘密00000002.其他…'):
 * the label text and the digit runs become parts of their own. A digit run glued to the enumeration of the next label
 * ('…00000002.其他法律…') gives that label its number back. Runs inside brackets ('（指2019年事项数）') and prose
 * numbers ('2019年') stay text.
 */
function splitGlued(parts: Part[], w: string, at: number): void {
  const runs: { s: number; e: number }[] = [];
  let depth = 0;
  let scan = 0;
  for (const m of w.matchAll(RUN)) {
    for (; scan < m.index; scan++) {
      const c = w[scan]!;
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
    }
    if (depth > 0) continue;
    let s = m.index;
    let e = s + m[0].length;
    const next = w[e];
    if (next !== undefined && PROSE_AFTER.test(next)) continue;
    const prev = s > 0 ? w[s - 1]! : '';
    // a sign ('增71', '-3') separates a cell from the digits before it
    if (s > 0 && !BEFORE.test(prev) && !(/\d/.test(prev) && /^[增减+\-]/.test(m[0]))) continue;
    if ((next === '.' || next === '．' || next === '、') && AFTER.test(w[e + 1] ?? '')) {
      // the last digit numbers the next label
      if (e - s < 2 || /\D/.test(m[0])) continue;
      e -= 1;
    } else if (next !== undefined && !AFTER.test(next) && !(/\d/.test(next) && /[万元件项个条次家]$/.test(m[0]))) continue;
    if (s === 0 && e === w.length) continue;
    runs.push({ s, e });
  }
  if (runs.length === 0) {
    parts.push({ s: at, e: at + w.length, v: false, p: null });
    return;
  }
  let pos = 0;
  for (const r of runs) {
    if (r.s > pos) parts.push({ s: at + pos, e: at + r.s, v: false, p: null });
    const p = parseCellValue(w.slice(r.s, r.e));
    parts.push({ s: at + r.s, e: at + r.e, v: !!p && p.state !== 'blank', p, attached: r.s > 0 });
    pos = r.e;
  }
  if (pos < w.length) parts.push({ s: at + pos, e: at + w.length, v: false, p: null });
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
  // a lone '|' closing a cell whose text stood on the lines above ('上一年项目数量\n|') is not an empty cell; where every
  // cell is closed so (HTML flattened to 'cell\n|' lines), a value line is closed by its '|' too
  const closed = closesEveryCell(text, from, to);
  let openCell = false;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    const blank = isBlankLine(text, pos, nl);
    if (closed && openCell && !blank && !isLonePipe(text, pos, nl) && isPipesOnly(text, pos, nl)) {
      // '|   |   |' right after a cell: the cell's closing pipe, then one empty cell per further pipe
      let first = true;
      for (let i = pos; i < nl; i++) {
        if (text[i] !== '|') continue;
        if (!first) out.push({ text: '', start: i, end: i, kind: 'empty' });
        first = false;
      }
    } else if (!(openCell && isLonePipe(text, pos, nl))) tokenizeLine(out, text, pos, nl);
    if (!blank) openCell = !hasPipe(text, pos, nl) && (closed || !isPureValueLine(out, pos));
    pos = nl + 1;
  }
  return out;
}

/** Most lines of cell content are followed by a lone '|' line: each cell written as 'text\n|'. */
function closesEveryCell(text: string, from: number, to: number): boolean {
  let content = 0;
  let closedBy = 0;
  let prevContent = false;
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    if (!isBlankLine(text, pos, nl)) {
      const pipe = hasPipe(text, pos, nl);
      if (pipe && prevContent && isLonePipe(text, pos, nl)) closedBy++;
      prevContent = !pipe;
      if (prevContent) content++;
    }
    pos = nl + 1;
  }
  return content >= 10 && closedBy >= 0.8 * content;
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

function isPipesOnly(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text[i] !== '|' && text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
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
