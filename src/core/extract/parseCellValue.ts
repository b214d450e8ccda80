import type { CellState } from '../schema.ts';

export interface ParsedValue {
  value: number | null;
  unit: string | null;
  state: CellState;
}

// Explicit "nothing to report" marks; an empty cell is 'blank', a written mark is 'na'. Both keep value null.
const NA_TOKENS = new Set(['/', '／', '-', '—', '－', '——', '−', '–', '无', '——', '---', '--', '\\']);
const BLANK_TOKENS = new Set(['', '&nbsp;']);

const UNITS = ['万元', '人次', '元', '件', '个', '项', '条', '次', '家'];
const NUMBER = /^(?:\+|增|增加|减|减少|-|−|–)?\s*(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Parse one table cell as written: '454' → 454; '+299' → 299; '增257项' → 257 项; '减2项' → -2 项;
 * '1211.66万元' → 1211.66 万元 (the value stays in the unit written, the unit is reported); '' → blank; '/' '无' → na.
 * Returns null when the text is not a cell value at all (a label, a sentence).
 */
export function parseCellValue(raw: string): ParsedValue | null {
  const s = raw.trim();
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
  if (!NUMBER.test(body)) return null;
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
