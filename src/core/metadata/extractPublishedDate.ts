const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** '二〇二一年一月八日' → '2021年1月8日' (digit-by-digit years, 十 for days and months). */
function cnDate(s: string): string {
  return s.replace(/([〇零O一二三四五六七八九十]{1,4})(?=[年月日])/g, (m) => {
    if (m.includes('十')) {
      const [a, b] = m.split('十');
      return String((a ? Number(CN_DIGITS[a] ?? 0) : 1) * 10 + (b ? Number(CN_DIGITS[b] ?? 0) : 0));
    }
    return m.split('').map((c) => CN_DIGITS[c] ?? c).join('');
  });
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Publication date as ISO yyyy-mm-dd: the 发布时间 / 发布日期 / 公文生成日期 / 成文日期 field, else the date line
 * under the signature at the end of the document.
 */
export function extractPublishedDate(text: string): string | null {
  const field = /(?:发\s*布\s*时\s*间|发\s*布\s*日\s*期|公文生成日期|生\s*成\s*日\s*期|成\s*文\s*日\s*期|印发日期)\s*[:：|]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text.slice(0, 4000));
  if (field) {
    const d = isoDate(Number(field[1]), Number(field[2]), Number(field[3]));
    if (d) return d;
  }
  // the signature block is at the end: reading only the last few thousand characters keeps this cheap on any input
  const tail = text.slice(-3000).split('\n').map((l) => cnDate(l.trim())).filter(Boolean).slice(-12);
  for (let i = tail.length - 1; i >= 0; i--) {
    const m = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(tail[i]!);
    if (m) {
      const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (d) return d;
    }
  }
  return null;
}
