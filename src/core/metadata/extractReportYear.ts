import type { Section } from '../segment/segmentSections.ts';

const yearIn = (s: string): number | null => {
  const m = /((?:19|20)\d{2})\s*年/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2099 ? y : null;
};

/**
 * The year reported on: from the title, else 数据统计期限/统计期限, else the first 'YYYY年' of 一、总体情况
 * (or of the body, skipping metadata lines) — never the publication date.
 */
export function extractReportYear(text: string, title: string | null, sections: Section[]): number | null {
  if (title) {
    const y = yearIn(title);
    if (y) return y;
  }
  const period = /统计期限[^\n]{0,10}?((?:19|20)\d{2})/.exec(text);
  if (period) return Number(period[1]);
  const overall = sections.find((s) => s.key === 'overall');
  if (overall) {
    const y = yearIn(text.slice(overall.start, Math.min(overall.end, overall.start + 3000)));
    if (y) return y;
  }
  const body = text
    .slice(0, 5000)
    .split('\n')
    .filter((l) => !/(发布时间|发布日期|更新时间|生成日期|成文日期|索\s*引\s*号|时间\s*[:：])/.test(l))
    .join('\n');
  return yearIn(body);
}
