import type { CellState } from '../schema.ts';

export interface ParsedValue {
  value: number | null;
  unit: string | null;
  state: CellState;
}

// Explicit "nothing to report" marks; an empty cell is 'blank', a written mark is 'na'. Both keep value null.
const NA_TOKENS = new Set(['/', '／', '-', '—', '－', '——', '−', '–', '无', '---', '--', '\\', '空', '不适用']);
const BLANK_TOKENS = new Set(['', '&nbsp;']);

// first characters a cell value can have (besides ASCII digits): a fast exit for labels and prose
const CAN_START = new Set([...'+-−–—－/／\\增减零〇一二两三四五六七八九十百千无空不&']);

const UNITS = ['万元', '人次', '元', '件', '个', '项', '条', '次', '家'];
const NUMBER = /^(?:\+|增|增加|减|减少|-|−|–)?\s*(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;
const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUMBER = /^[零〇一二两三四五六七八九十百千]+$/;

/** '十二' → 12, '一百零五' → 105, '三千' → 3000; null when not a well-formed numeral. */
export function chineseNumeral(s: string): number | null {
  if (!CN_NUMBER.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in CN_DIGIT) {
      if (digit !== null && digit !== 0 && CN_DIGIT[c] !== 0) return null;
      digit = CN_DIGIT[c]!;
      continue;
    }
    const mult = c === '十' ? 10 : c === '百' ? 100 : 1000;
    total += (digit ?? (c === '十' ? 1 : NaN)) * mult;
    if (Number.isNaN(total)) return null;
    digit = null;
  }
  return total + (digit ?? 0);
}

/**
 * Parse one table cell as written: '454' → 454; '+299' → 299; '增257项' → 257 项; '减2项' → -2 项;
 * '1211.66万元' → 1211.66 万元 (the value stays in the unit written, the unit is reported); '' → blank; '/' '无' → na;
 * Chinese numerals when unambiguous: '零' → 0, '十二件' → 12 件 (a bare '三' is a vertical header letter, not a number).
 * Returns null when the text is not a cell value at all (a label, a sentence).
 */
export function parseCellValue(raw: string): ParsedValue | null {
  const s = raw.trim();
  if (s.length > 0 && !CAN_START.has(s[0]!) && !(s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57)) return null;
  if (BLANK_TOKENS.has(s)) return { value: null, unit: null, state: 'blank' };
  if (NA_TOKENS.has(s)) return { value: null, unit: null, state: 'na' };
  if (s.length > 24) return null;
  let body = s;
  let unit: string | null = null;
  for (const u of UNITS) {
    if (body.endsWith(u)) {
      unit = u;
      body = body.slice(0, -u.length).trim();
      break;
    }
  }
  if (!NUMBER.test(body)) {
    let sign = 1;
    const sm = /^(增加|增|减少|减)/.exec(body);
    if (sm) {
      if (sm[1]!.startsWith('减')) sign = -1;
      body = body.slice(sm[0].length);
    }
    if (body === '零' || body === '〇' || ((unit || sm) && body.length > 0)) {
      const n = chineseNumeral(body);
      if (n !== null) return { value: sign * n === 0 ? 0 : sign * n, unit, state: 'reported' };
    }
    return null;
  }
  let sign = 1;
  const m = /^(\+|增加|增|减少|减|-|−|–)\s*/.exec(body);
  if (m) {
    if (m[1] === '减' || m[1] === '减少' || m[1] === '-' || m[1] === '−' || m[1] === '–') sign = -1;
    body = body.slice(m[0].length);
  }
  const value = Number(body.replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return null;
  return { value: sign * value === 0 ? 0 : sign * value, unit, state: 'reported' };
}

/** A token that can stand in a value position of a table. */
export const isValueText = (raw: string): boolean => parseCellValue(raw) !== null;
