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
