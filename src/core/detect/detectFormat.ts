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
    if (rule.if_any_header && rule.format && rule.if_any_header.some((h) => asHeader(c, compact(h)))) return rule.format as Format;
  }
  // column headers of the other small tables (二（五）–（九）) tell the forms apart as well: 本年处理决定数量 and
  // 本年收费金额 are 2021's, 上一年项目数量 / 采购项目数量 2019's
  const h2021 = HEADERS_2021.filter((h) => asHeader(c, h)).length;
  const h2019 = HEADERS_2019.filter((h) => asHeader(c, h)).length;
  if (h2021 !== h2019) return h2021 > h2019 ? 'gov_2021' : 'gov_2019';
  const byRows = formatFromRowLabels(c, text);
  if (byRows) return byRows;
  if (looksPre2019(c)) return 'pre_2019';
  return 'none';
}

const HEADERS_2021 = ['本年处理决定数量', '本年收费金额'];
const HEADERS_2019 = ['采购项目数量', '上一年项目数量'];
const PROSE_BEFORE = /[、，,“"‘：:]$/;
const PROSE_AFTER = /^[、，,。；;”"’：:\d等和及为是共达均]/;

/**
 * A column header standing as a header, not quoted in a sentence: '本年制发件数、本年废止件数' in a notice on how to write
 * the reports, '本年新制作数量1件' in prose, are not table headers.
 */
function asHeader(c: string, h: string): boolean {
  for (let at = c.indexOf(h); at >= 0; at = c.indexOf(h, at + 1)) {
    const before = c.slice(Math.max(0, at - 1), at);
    const after = c.slice(at + h.length, at + h.length + 1);
    if (!PROSE_BEFORE.test(before) && !PROSE_AFTER.test(after)) return true;
  }
  return false;
}

// Rows that only one of the two forms has. PDF text splits vertical column headers into single characters spread over
// several lines ('本 本 现 / 年 年 行 …'), so the header signatures can vanish; row labels are written across and survive.
const ROWS_2021 = /申请人无正当理由逾期不补正|申请人逾期未按收费通知要求缴纳费用/;
// as table rows: the label followed by its cells (or the end of its line), not by the rest of a sentence
const ROWS_2019 = /(?:政府集中采购|其他对外管理服务事项)[ \t]*(?:[|\d/／\-—\n]|$)/;

function formatFromRowLabels(c: string, text: string): Format | null {
  if (!/收到和处理政府信息公开申请|本年度办理结果/.test(c)) return null;
  if (ROWS_2021.test(c)) return 'gov_2021';
  if (ROWS_2019.test(text)) return 'gov_2019';
  return null;
}

/**
 * The 2008–2018 reports (条例 2007) have no national table: their sections (一、概述, 依申请公开政府信息情况,
 * 收费及减免情况, 因政府信息公开申请行政复议…) and indicators (同意部分公开, 主动公开信息数) give them away, as does a
 * provincial 政府信息公开情况统计表. A report with the 2019 headings (收到和处理政府信息公开申请) whose tables are
 * missing is not pre_2019.
 */
function looksPre2019(c: string): boolean {
  if (/政府信息公开(工作)?情况统计表/.test(c)) return true;
  if (/收到和处理政府信息公开申请|第二十条第\(一\)项/.test(c)) return false;
  let signals = 0;
  if (/依申请公开(政府)?信息(的|工作)?(办理)?情况/.test(c)) signals++;
  if (/收费(及|和|与)减免/.test(c)) signals++;
  if (/因政府信息公开(申请)?(提起|申请)?行政复议/.test(c)) signals++;
  if (/同意部分公开|不同意公开|否决公开|主动公开信息数|同意公开(的)?\d/.test(c)) signals++;
  if (/一、概述/.test(c)) signals++;
  if (signals >= 2) return true;
  const active = /主动公开[^。]{0,30}?\d+(条|件|项)/.test(c);
  const requests = /(依申请|申请公开)[^。]{0,30}?\d+(条|件|项|次)/.test(c);
  const report = /政府信息公开/.test(c) && /(年度报告|工作报告|年报)/.test(c);
  return active && requests && report;
}
