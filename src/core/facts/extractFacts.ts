import type { FactRow, SectionKey } from '../schema.ts';
import type { Section } from '../segment/segmentSections.ts';
import { factKey, plainLabel } from './factKey.ts';
import { statTableFacts } from './statTableFacts.ts';

type Draft = Omit<FactRow, 'report_id'>;

/** Enough for any real report; a runaway input does not turn into millions of rows. */
export const MAX_FACTS = 3000;

// a number (thousands separators and decimals allowed), then 余/多 and a counting unit or a percent sign. Not inside a
// code, an ordinal or a longer number (ICP备17005844号, 第3项); bounded digit runs keep a megabyte of digits linear.
const NUMBER_UNIT = /(?<![0-9A-Za-z.,_\-+第])(\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,12}(?:\.\d{1,6})?)\s{0,3}(万|亿)?(?:余|多)?(人次|件次|件|条|项|个|次|份|家|篇|期|场|起|宗|户|人|元|%)/g;

// '无依申请公开办件', '我局无因政府信息公开工作被申请行政复议、提起行政诉讼办件', '未收到政府信息公开申请': a zero written
// as a word. Not 无法/无正当理由/未经/未办结/尚未审结, which name other things.
const ZERO = /(无|未|没有)(?!法|论|须|需|正当|关|效|偿|误|经|办结|结|审结|按|及时|予)(?:收到|接到|受理|发生|产生|出现)?([^，,。；;！？!?\n\d]{0,30}?)(依申请公开|政府信息公开申请|信息公开申请|公开申请|申请公开|行政复议|行政诉讼)([^，,。；;！？!?\n\d]{0,30})/g;
const ZERO_KEYS: [string, RegExp][] = [
  ['applications_received', /依申请公开|信息公开申请|公开申请|申请公开/],
  ['reviews', /行政复议/],
  ['lawsuits', /行政诉讼/],
];

const charSet = (chars: string): Uint8Array => {
  const set = new Uint8Array(65536);
  for (const c of chars) set[c.charCodeAt(0)] = 1;
  return set;
};
const SENTENCE_END = charSet('。！？!?\n；;');
const CLAUSE_STOP = charSet('，,。；;！？!?\n：:、（(）)');

const sentenceAround = (text: string, start: number, end: number): [number, number] => {
  let a = start;
  const minA = Math.max(0, start - 400);
  while (a > minA && SENTENCE_END[text.charCodeAt(a - 1)] === 0) a--;
  let b = end;
  const maxB = Math.min(text.length, end + 400);
  while (b < maxB && SENTENCE_END[text.charCodeAt(b)] === 0) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return [a, b];
};

/** The clause before position i: back to the last comma, stop, colon or line break (at most 60 characters). */
function clauseBefore(text: string, i: number): string {
  let a = i;
  const min = Math.max(0, i - 60);
  while (a > min && CLAUSE_STOP[text.charCodeAt(a - 1)] === 0) a--;
  return text.slice(a, i);
}

const sectionAt = (sections: Section[], pos: number): SectionKey => {
  for (const s of sections) if (pos >= s.start && pos < s.end) return s.key;
  return 'unknown';
};

/**
 * Numbers stated in the prose with what they count: '全区2021年共收到依申请公开办件147件，其中2020年结转3件，
 * 结转至2022年8件' gives applications_received 147, carried_over 3, carried_forward 8 (stable keys, see factKey);
 * other counted numbers keep the words before them as label ('发布通知公告' 32 条); a bare percentage ('占比96.05%')
 * borrows the label of the clause before it; '无依申请公开办件' is applications_received 0. start/end cover the number (or
 * the zero word) exactly as written; the unit is separate. With statTable (pre-2019 reports) the rows of a
 * 政府信息公开情况统计表 are read as well.
 * Table rows (pipes, tab-indented cells, short lines) are not prose and are skipped.
 */
export function extractFacts(text: string, sections: Section[], opts: { statTable?: boolean } = {}): Draft[] {
  const out: Draft[] = [];
  let lastLabel = '';
  let lastLineStart = -1;
  let lastLineIsTable = false;
  let lineStartPos = 0;
  let nextNl = text.indexOf('\n');
  NUMBER_UNIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_UNIT.exec(text))) {
    const num = m[1]!;
    const start = m.index;
    const end = start + num.length;
    // line bounds found by scanning forward once over the text, so one huge line stays linear
    while (nextNl >= 0 && nextNl < start) {
      lineStartPos = nextNl + 1;
      nextNl = text.indexOf('\n', lineStartPos);
    }
    if (lineStartPos !== lastLineStart) {
      const lineEnd = nextNl < 0 ? text.length : nextNl;
      const line = text.slice(lineStartPos, Math.min(lineEnd, lineStartPos + 4000));
      lastLineIsTable = line.includes('|') || line.startsWith('\t') || line.trim().length < 10;
      lastLineStart = lineStartPos;
    }
    if (lastLineIsTable) continue;
    const unit = `${m[2] ?? ''}${m[3]!}`;
    const context = clauseBefore(text, start);
    let label = factKey(context, unit);
    if (!label) {
      const plain = plainLabel(context);
      if (unit === '%' && /^(?:占比|占|比例|比重|为|达|达到|率为)?$/.test(plain)) label = lastLabel ? `${lastLabel}占比` : '占比';
      else if (plain.length >= 2) label = plain;
      else continue;
    }
    if (unit !== '%') lastLabel = label;
    const value = Number(num.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const [a, b] = sentenceAround(text, start, end);
    out.push({ section_key: sectionAt(sections, start), label, value, unit, sentence: text.slice(a, b).trim(), start, end });
    if (out.length >= MAX_FACTS) break;
  }
  zeroFacts(text, sections, out);
  // a pre-2019 统计表 is a table, skipped above as prose, but the only place such a report states its numbers
  if (opts.statTable) out.push(...statTableFacts(text, (pos) => sectionAt(sections, pos), MAX_FACTS - out.length));
  return out.sort((a, b) => a.start - b.start);
}

/** Zeros stated in words; start/end cover the word (无, 未, 没有) as written, the value is 0 and the unit null. */
function zeroFacts(text: string, sections: Section[], out: Draft[]): void {
  ZERO.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZERO.exec(text)) && out.length < MAX_FACTS) {
    const start = m.index;
    const end = start + m[1]!.length;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lineHead = text.slice(lineStart, Math.min(start + 60, text.length));
    if (lineHead.includes('|') || lineHead.startsWith('\t')) continue;
    const clause = m[0].slice(m[1]!.length);
    const [a, b] = sentenceAround(text, start, end);
    for (const [label, re] of ZERO_KEYS) {
      if (!re.test(clause)) continue;
      out.push({ section_key: sectionAt(sections, start), label, value: 0, unit: null, sentence: text.slice(a, b).trim(), start, end });
    }
  }
}
