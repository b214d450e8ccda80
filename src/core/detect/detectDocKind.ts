import type { DocKind } from '../schema.ts';

/**
 * annual_report: a 政府信息公开工作年度报告 (by title words or by its canonical sections);
 * work_summary: an agency's 工作总结 / 工作思路 without the report's structure; other: interpretations (解读),
 * half-year statistics, anything else.
 */
export function detectDocKind(text: string, nCanonicalSections: number, title: string | null): DocKind {
  const head = (title ?? '') + '\n' + text.slice(0, 600);
  if (/(文字解读|图解|政策解读|解读)/.test(title ?? '') ) return 'other';
  if (/(半年|上半年|季度)/.test(title ?? '')) return 'other';
  if (/工作总结/.test(title ?? '')) return 'work_summary';
  const reportWords = /政府信息公开[^\n]{0,12}(年度报告|工作报告|年报)|政务公开[^\n]{0,8}年度报告/.test(head);
  if (reportWords && nCanonicalSections >= 2) return 'annual_report';
  if (nCanonicalSections >= 4) return 'annual_report';
  if (reportWords) return 'annual_report';
  if (/(工作总结|工作举措|工作思路|工作计划|工作打算|工作要点)/.test(text)) return 'work_summary';
  return 'other';
}
