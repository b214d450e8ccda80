// Traditional script (mirror sites convert whole pages: 政府信息公開工作年度報告, 行政復議). Detection is a cheap test on
// characters that only traditional text has; the conversion is OpenCC's (opencc-js, t → cn), loaded only when a
// document needs it (a lazy chunk in the browser: ≈109 KB, 52 KB gzipped).

/** Frequent characters of these reports that simplified text never uses. */
const TRAD_ONLY = /[規範許處罰強製廢現數決費採購請結轉國機關屬過審務開發對項條總計無復訟議訴維糾會實權類內執詢獲護險穩構織業補繳納門問題進經辦種營讀違樣須認應據單證記達給報個體團級區縣這論義專鄉鎮從當還為爲與們參歸員聯網頁產際衛島勵態慶組嚴適戶檔統預積極錄導準貫徹彙編號傳託稅質確舉訪訊臺灣鄰隊醫療環標載廳聽說調査檢測]/g;

/** Enough traditional-only characters to call the text traditional (a stray 於 or 臺 in simplified text is not). */
export function hasTraditional(text: string, min = 1): boolean {
  let n = 0;
  TRAD_ONLY.lastIndex = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  while (TRAD_ONLY.exec(sample)) if (++n >= min) return true;
  return false;
}

export type ToSimplified = (s: string) => string;

let loaded: ToSimplified | null = null;
let loading: Promise<ToSimplified> | null = null;

/** The OpenCC converter, loaded on first use and kept. */
export function loadToSimplified(): Promise<ToSimplified> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('opencc-js/t2cn').then((m) => {
    const convert = m.Converter({ from: 't', to: 'cn' });
    loaded = (s: string) => convert(s);
    return loaded;
  });
  return loading;
}

/** The converter if it was loaded already (synchronous callers), else null. */
export const loadedToSimplified = (): ToSimplified | null => loaded;

// Words a mirror's phrase conversion (cn → tw) replaced, back to the mainland words the template uses; same lengths.
const MIRROR_WORDS: [RegExp, string][] = [[/档案/g, '文件'], [/入口网站/g, '门户网站']];

/**
 * The text in simplified script with every character at its place (same length), so that every offset found in the
 * view is an offset into the original. Lines whose conversion changes their length (a phrase mapped to a longer one)
 * are converted character by character instead.
 */
export function simplifiedView(text: string, convert: ToSimplified): string {
  const lines = text.split('\n');
  const out = lines.map((line) => {
    if (line.length === 0) return line;
    let s = convert(line);
    if (s.length !== line.length) s = [...line].map((c) => { const x = convert(c); return x.length === c.length ? x : c; }).join('');
    for (const [re, to] of MIRROR_WORDS) s = s.replace(re, to);
    return s;
  });
  return out.join('\n');
}
