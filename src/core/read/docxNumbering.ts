/**
 * Word's automatic numbering (word/numbering.xml): headings such as 一、总体情况 or （一）主动公开 are often numbered
 * by Word, so the number is not in the paragraph's text. This turns a paragraph's numId/ilvl into the text Word shows
 * (`一、`, `（二）`, `3.`), counting per list as Word does (a level's counter restarts when a higher level advances).
 */
export interface NumberingLevel {
  numFmt: string;
  lvlText: string;
  start: number;
}

export interface Numbering {
  /** numId → levels by ilvl */
  lists: Map<string, Map<number, NumberingLevel>>;
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (as chineseCounting writes them). */
export function chineseCount(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && i === 0 ? '' : CN[d]) + unit;
  });
  return out;
}

const roman = (n: number): string => {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
};
const letters = (n: number): string => String.fromCharCode(96 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter in a numbering format; null for bullets and formats without a number. */
export function formatNumber(n: number, fmt: string): string | null {
  switch (fmt) {
    case 'decimal': case 'decimalZero': return fmt === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'ideographDigital': case 'japaneseCounting': case 'taiwaneseCounting':
      return chineseCount(n);
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return `(${n})`;
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'none': return '';
    default: return null;
  }
}

/** Counters of one document, advanced paragraph by paragraph. */
export class NumberingCounter {
  #counts = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}

  /** The number text of a paragraph in list `numId` at level `ilvl` (and the counter advanced), or '' for none. */
  next(numId: string, ilvl: number): string {
    const levels = this.numbering.lists.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    const counts = this.#counts.get(numId) ?? [];
    for (let k = 0; k < ilvl; k++) counts[k] ??= (levels.get(k)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    this.#counts.set(numId, counts);
    let bad = false;
    const text = level.lvlText.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      const s = l ? formatNumber(Math.max(1, counts[k] ?? l.start), l.numFmt) : null;
      if (s === null) bad = true;
      return s ?? '';
    });
    return bad || level.numFmt === 'bullet' ? '' : text;
  }
}
