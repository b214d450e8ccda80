import type { SectionKey } from '../schema.ts';

export interface Section {
  key: SectionKey;
  heading: string;
  start: number;
  end: number;
}

const ORDER: SectionKey[] = ['overall', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other'];

// Canonical headings by their number and a keyword; the variants of label_aliases
// (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况, 五、…存在的主要问题及改进措施, 六、其他事项 …) all match.
// Pre-2019 reports put 四、政府信息公开的收费及减免情况 before 复议/诉讼, so those last three may come one number later.
const HEADINGS: { key: SectionKey; re: RegExp }[] = [
  { key: 'overall', re: /^(?:一\s*[、.．]|1\s*、)\s*(?:\S{0,12}?)(?:总体情况|概述|总体|基本情况)/ },
  { key: 'active_disclosure', re: /^(?:二\s*[、.．]|2\s*、)\s*\S{0,12}?主动公开/ },
  { key: 'applications', re: /^(?:三\s*[、.．]|3\s*、)\s*\S{0,14}?(?:收到和处理|收到|依申请|申请)/ },
  { key: 'review_litigation', re: /^(?:[四五]\s*[、.．]|[45]\s*、)\s*\S{0,24}?(?:行政复议|复议|诉讼)/ },
  { key: 'problems', re: /^(?:[五六]\s*[、.．]|[56]\s*、)\s*\S{0,20}?(?:问题|改进)/ },
  { key: 'other', re: /^(?:[六七]\s*[、.．]|[67]\s*、)\s*\S{0,6}?(?:其他|其它)\S{0,10}(?:事项|情况)?/ },
];

/** The section a line opens, or null. A heading is a short line of its own, not a table row (no pipe, no indent). */
export function headingKey(line: string): SectionKey | null {
  if (line.includes('|') || /^\t/.test(line)) return null;
  const s = line.trim();
  if (s.length < 4 || s.length > 50) return null;
  if (/[。；;]$/.test(s) || /[，,。].{6,}/.test(s)) return null;
  for (const h of HEADINGS) if (h.re.test(s)) return h.key;
  return null;
}

/**
 * Split normalised text into the six canonical sections, plus 'unknown' for a preamble (title, metadata). Headings
 * must come in template order, so a table row like 四、结转下年度继续办理 inside section 三 or sub-heads like （一）
 * never open a section. Sections cover the text from their heading to the next heading.
 */
export function segmentSections(text: string): Section[] {
  const marks: { key: SectionKey; heading: string; start: number }[] = [];
  let last = -1;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const key = headingKey(line);
    if (key) {
      const idx = ORDER.indexOf(key);
      if (idx > last) {
        const lead = line.length - line.trimStart().length;
        marks.push({ key, heading: line.trim(), start: pos + lead });
        last = idx;
      }
    }
    pos = nl + 1;
  }
  if (marks.length < 3) inlineHeadings(text, marks);
  const out: Section[] = [];
  const firstStart = marks[0]?.start ?? text.length;
  if (text.slice(0, firstStart).trim().length > 0 || marks.length === 0) {
    if (text.length > 0 || marks.length === 0) out.push({ key: 'unknown', heading: '', start: 0, end: firstStart });
  }
  marks.forEach((m, i) => {
    out.push({ key: m.key, heading: m.heading, start: m.start, end: marks[i + 1]?.start ?? text.length });
  });
  return out;
}

// Headings inside a line (a whole page on one line, or crawler text run together): only the full canonical phrases,
// so table rows (三、本年度办理结果, 四、结转下年度继续办理) and the preamble's list of parts never open a section.
const INLINE: { key: SectionKey; re: RegExp }[] = [
  { key: 'overall', re: /一\s*[、.．]\s*(?:总体情况|概述|基本情况)/g },
  { key: 'active_disclosure', re: /二\s*[、.．]\s*主动公开政府信息(?:的)?情况/g },
  { key: 'applications', re: /三\s*[、.．]\s*收到和处理政府信息公开申请(?:的)?情况/g },
  { key: 'review_litigation', re: /[四五]\s*[、.．]\s*(?:因)?政府信息公开(?:申请|工作)?(?:被申请)?行政复议(?:[、和及与]|和提起|、提起)\s*(?:提起)?行政诉讼(?:的)?情况/g },
  { key: 'problems', re: /[五六]\s*[、.．]\s*(?:政府信息公开工作)?存在的主要问题(?:及|和|与)(?:改进|整改)(?:情况|措施)/g },
  { key: 'other', re: /[六七]\s*[、.．]\s*其[他它](?:需要报告的)?事项/g },
];

/** Adds the inline headings that fit between the line headings already found, in template order. */
function inlineHeadings(text: string, marks: { key: SectionKey; heading: string; start: number }[]): void {
  const found: { key: SectionKey; heading: string; start: number }[] = [];
  for (const h of INLINE) {
    if (marks.some((m) => m.key === h.key)) continue;
    h.re.lastIndex = 0;
    const m = h.re.exec(text);
    if (m) found.push({ key: h.key, heading: m[0], start: m.index });
  }
  if (found.length === 0) return;
  const all = [...marks, ...found].sort((a, b) => a.start - b.start);
  // keep the longest run in template order
  const kept: typeof all = [];
  let last = -1;
  for (const m of all) {
    const idx = ORDER.indexOf(m.key);
    if (idx > last) { kept.push(m); last = idx; }
  }
  marks.length = 0;
  marks.push(...kept);
}
