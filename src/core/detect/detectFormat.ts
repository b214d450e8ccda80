import type { Format } from '../schema.ts';
import { TEMPLATE } from '../template/template.ts';

const compact = (s: string): string => s.replace(/[\s|]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * Format from table headers only (template format_detection), never from the year: 本年制发件数 … → gov_2021;
 * 本年新制作数量 / 上一年项目数量 / 采购总金额 → gov_2019; otherwise pre_2019 when the text reports 主动公开 and
 * 依申请 statistics the old way, else none. Headers split over lines ('本年新\n\n制作数量') still match.
 */
export function detectFormat(text: string): Format {
  const c = compact(text);
  for (const rule of TEMPLATE.format_detection) {
    if (rule.if_any_header && rule.format && rule.if_any_header.some((h) => c.includes(compact(h)))) return rule.format as Format;
  }
  if (looksPre2019(c)) return 'pre_2019';
  return 'none';
}

function looksPre2019(c: string): boolean {
  if (/政府信息公开情况统计表/.test(c)) return true;
  const active = /主动公开[^。]{0,30}?\d+\s*(条|件|项)/.test(c);
  const requests = /(依申请|申请公开)[^。]{0,30}?\d+\s*(条|件|项|次)/.test(c);
  const report = /政府信息公开/.test(c) && /(年度报告|工作报告|年报)/.test(c);
  return active && requests && report;
}
