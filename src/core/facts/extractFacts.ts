import type { FactRow, SectionKey } from '../schema.ts';
import type { Section } from '../segment/segmentSections.ts';

type Draft = Omit<FactRow, 'report_id'>;

// label, then a pattern whose last group is the number; the unit follows the number
const PATTERNS: [string, RegExp][] = [
  ['applications_received', /(?:收到|受理|新收)[^。；;，,\n]{0,16}?(?:依申请公开|政府信息公开申请|信息公开申请)[^。；;，,\n\d]{0,8}?(\d+)\s*(件|个|条)/g],
  ['applications_carried_over', /(?:上年结转|\d{4}年结转|上一年度结转)[^。；;，,\n\d]{0,6}?(\d+)\s*(件)/g],
  ['applications_carried_forward', /结转(?:至|到)\s*(?:\d{4}年|下一?年度?)[^。；;，,\n\d]{0,6}?(\d+)\s*(件)/g],
  ['review_cases', /(?:被申请|申请)?行政复议[^。；;，,\n\d]{0,6}?(\d+)\s*(件|起)/g],
  ['litigation_cases', /(?:提起|被提起)?行政诉讼[^。；;，,\n\d]{0,6}?(\d+)\s*(件|起)/g],
  ['active_disclosure_items', /主动公开[^。；;，,\n\d]{0,16}?(\d+)\s*(条|件)/g],
];

const sentenceAround = (text: string, start: number, end: number): [number, number] => {
  let a = start;
  while (a > 0 && !/[。！？!?\n；;]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/[。！？!?\n；;]/.test(text[b]!)) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return [a, b];
};

/** Numbers stated in the prose ('全区2021年共收到依申请公开办件147件'); start/end cover the number and its unit. */
export function extractFacts(text: string, sections: Section[]): Draft[] {
  const out: Draft[] = [];
  const seen = new Set<number>();
  for (const sec of sections) {
    const body = text.slice(sec.start, sec.end);
    for (const [label, re] of PATTERNS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(body))) {
        const num = m[1]!;
        const unit = m[2] ?? null;
        const rel = m.index + m[0].lastIndexOf(num + (unit ?? ''));
        const start = sec.start + rel;
        if (seen.has(start)) continue;
        // a table row is not prose: skip lines that are only labels and numbers
        const lineStart = text.lastIndexOf('\n', start) + 1;
        const lineEnd = text.indexOf('\n', start);
        const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
        if (line.includes('|') || line.startsWith('\t') || line.length < 10) continue;
        seen.add(start);
        const end = start + num.length + (unit?.length ?? 0);
        const [a, b] = sentenceAround(text, start, end);
        out.push({ section_key: sec.key as SectionKey, label, value: Number(num), unit, sentence: text.slice(a, b).trim(), start, end });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
