import type { DocKind, Format } from '../schema.ts';

/** The first heading-like line: short, no sentence punctuation (the title when extractTitle found none). */
function headLine(text: string): string {
  const lines = text.slice(0, 3000).split('\n').map((l) => l.trim().replace(/^[-*#\s]+/, '')).filter((l) => l.length > 0).slice(0, 12);
  return lines.find((l) => l.length >= 6 && l.length <= 80 && /[\u4e00-\u9fa5]{4}/.test(l) && !/[。；;]/.test(l) && !/[>»]|当前位置/.test(l)) ?? '';
}

const INTERPRETATION = /(文字解读|图文解读|图解|一图读懂|政策解读|解读|答记者问|问答)/;
const NOT_A_REPORT = /(年度报告格式|报告(?:编制|填报)(?:说明|要求|指引)|的通知|模板|样表|空白表)/;
const PARTIAL_PERIOD = /(上半年|下半年|半年|[一二三四1-4]季度|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月|月份|月报)/;

/**
 * annual_report: a 政府信息公开工作年度报告 (by its tables, its title words or its canonical sections);
 * work_summary: an agency's 工作总结 / 工作思路 without the report's structure; other: interpretations (文字解读, 图解),
 * half-year or quarterly statistics, navigation-only pages, anything else. An interpretation page that quotes the
 * tables is still an interpretation, so the title is read before the format.
 */
export function detectDocKind(text: string, nCanonicalSections: number, title: string | null, format: Format = 'none'): DocKind {
  const t = `${title ?? ''} ${headLine(text)}`;
  if (INTERPRETATION.test(t)) return 'other';
  // the national format itself, a notice on writing the reports, a blank form
  if (NOT_A_REPORT.test(t)) return 'other';
  if (PARTIAL_PERIOD.test(t) && !/年度报告|年报/.test(t.replace(PARTIAL_PERIOD, ''))) return 'other';
  if (format === 'gov_2021' || format === 'gov_2019') return 'annual_report';
  if (/工作总结/.test(t)) return 'work_summary';
  // breadcrumbs ('首页 > 政务公开 > 政府信息公开年报') name the site's column, not this document
  const head = `${title ?? ''}\n${text.slice(0, 600).split('\n').filter((l) => !/[>»]|当前位置|首页/.test(l)).join('\n')}`;
  const reportWords = /政府信息公开[^\n]{0,12}(年度报告|工作报告|年报)|政务公开[^\n]{0,8}年度报告/.test(head);
  if (reportWords && nCanonicalSections >= 2) return 'annual_report';
  if (nCanonicalSections >= 4) return 'annual_report';
  if (reportWords) return 'annual_report';
  if (format === 'pre_2019') return 'annual_report';
  if (/(工作总结|工作举措|工作思路|工作计划|工作打算|工作要点)/.test(text.slice(0, 20000))) return 'work_summary';
  return 'other';
}
