import type { Diagnostic, OrganLevel, RegionStatus } from '../schema.ts';
import {
  cityOf, countiesWithStem, isMunicipality, namesAt, placeByCode, placesByPhoneCode, provinceByAbbr, provinceOf, type Place,
} from './gazetteer.ts';

export interface Region {
  region_code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  region_status: RegionStatus;
  diagnostics: Diagnostic[];
}

/** Where a name was found: the organ and title name the reporting body; the site footer (主办单位) names the site's
 * owner, usually the same government; the body of the text only corroborates. */
type Zone = 'organ' | 'title' | 'signature' | 'footer' | 'body';

interface Mention { place: Place; zone: Zone; short: boolean }

const NAME_WEIGHT: Record<Zone, number> = { organ: 40, title: 30, signature: 30, footer: 20, body: 5 };
const FOOTER = /(?:主办单位|主办|承办单位|承办|主管单位)\s*[:：]\s*([^\s|:：]{2,30})/g;
const BODY_CHARS = 6000;
const TAIL_CHARS = 3000;

/** Greedy longest-match scan for place names; a match is skipped over so 武汉市 does not also count as 武汉. */
export function placeMentions(s: string, zone: Zone): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < s.length; ) {
    // place names start with a CJK character (U+3400…U+9FFF): skip the rest without a lookup
    const c = s.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) { i++; continue; }
    const found = namesAt(s, i);
    const first = found[0];
    if (!first) { i++; continue; }
    for (const e of found) {
      if (e.name.length !== first.name.length) break;
      // in running text, two-character county names (城区, 郊区, 矿区) are ordinary words
      if (zone === 'body' && e.place.level === 'county' && e.name.length < 3) continue;
      out.push({ place: e.place, zone, short: e.short });
    }
    i += first.name.length;
  }
  return out;
}

/** Support per place code and per kind of source (names, phone, icp, site): the strongest of each kind, summed over kinds. */
type Support = Map<string, Map<string, number>>;
interface Evidence { provinces: Support; cities: Support; counties: Support }

const bump = (m: Support, k: string, source: string, w: number): void => {
  const bySource = m.get(k) ?? new Map<string, number>();
  bySource.set(source, Math.max(bySource.get(source) ?? 0, w));
  m.set(k, bySource);
};
const total = (m: Support, k: string | null): number => {
  let sum = 0;
  if (k) for (const w of m.get(k)?.values() ?? []) sum += w;
  return sum;
};

/** Province, prefecture and county support from the organ, title, signature, body, phone codes, ICP number, site id. */
function gatherEvidence(zones: [string, Zone][], text: string): { mentions: Mention[]; ev: Evidence } {
  const ev: Evidence = { provinces: new Map(), cities: new Map(), counties: new Map() };
  const mentions: Mention[] = [];
  for (const [s, zone] of zones) {
    for (const m of placeMentions(s, zone)) {
      mentions.push(m);
      const anchored = zone !== 'body';
      if (m.place.level === 'province') bump(ev.provinces, m.place.province, 'name', anchored ? 8 : 4);
      if (m.place.level === 'city') bump(ev.cities, m.place.city!, 'name', anchored ? 12 : m.short ? 3 : 6);
    }
  }
  const scan = text.length > BODY_CHARS + TAIL_CHARS ? text.slice(0, BODY_CHARS) + '\n' + text.slice(-TAIL_CHARS) : text;
  for (const m of scan.matchAll(/(?<![\d-])(0\d{2,3})\s*[-－—]\s*\d{7,8}(?!\d)/g)) {
    for (const p of placesByPhoneCode(m[1]!)) {
      if (p.level === 'county') bump(ev.counties, p.code, 'phone', 10);
      else if (p.level === 'city') bump(ev.cities, p.city!, 'phone', 10);
      bump(ev.provinces, p.province, 'phone', 5);
    }
  }
  for (const m of scan.includes('ICP') ? scan.matchAll(/ICP\s*备/g) : []) {
    const before = scan.slice(Math.max(0, m.index - 3), m.index).trim();
    const p = provinceByAbbr(before.slice(-1));
    if (p) bump(ev.provinces, p, 'icp', 3);
  }
  for (const m of scan.includes('网站标识') ? scan.matchAll(/网站标识码?\s*[:：]?\s*(\d{10})/g) : []) {
    const code = m[1]!.slice(0, 6);
    const p = placeByCode(code);
    if (!p) continue;
    // the site id names the site's owner: decisive between namesakes, weak about anything else (mirrors, shared platforms)
    if (p.level === 'county') bump(ev.counties, p.code, 'site', 50);
    if (p.city) bump(ev.cities, p.city, 'site', 5);
    bump(ev.provinces, p.province, 'site', 3);
  }
  return { mentions, ev };
}

const support = (p: Place, ev: Evidence): number => total(ev.provinces, p.province) + total(ev.cities, p.city) + total(ev.counties, p.code);

function describe(p: Place): Pick<Region, 'region_code' | 'province' | 'city' | 'county'> {
  const prov = provinceOf(p);
  const municipality = isMunicipality(p.province);
  const city = p.level === 'province' ? null : municipality ? prov : p.level === 'city' ? p : cityOf(p);
  return {
    region_code: p.code,
    province: prov?.name ?? null,
    city: p.level === 'province' && !municipality ? null : (city ?? (municipality ? prov : undefined))?.name ?? null,
    county: p.level === 'county' ? p.name : null,
  };
}

/** The deepest level two places share: same prefecture → the prefecture, same province → the province. */
function commonPlace(ps: Place[]): Place | undefined {
  const first = ps[0]!;
  if (ps.every((p) => p.city && p.city === first.city)) return placeByCode(`${first.city}00`);
  if (ps.every((p) => p.province === first.province)) return placeByCode(`${first.province}0000`);
  return undefined;
}

interface Scored { place: Place; score: number; named: boolean }

function rank(cands: Map<string, Scored>): Scored[] {
  return [...cands.values()].sort((a, b) => b.score - a.score || a.place.code.localeCompare(b.place.code));
}

/**
 * Region of the reporting organ as a GB/T 2260 code. County names are ambiguous (华容区 in 鄂州, Hubei vs 华容县 in
 * 岳阳, Hunan; two 朝阳区, three 新华区): every county named in the organ, title or signature, its namesakes and
 * same-stem counties, and counties named in the body are scored by where they are named and by the province, the
 * prefecture, phone area codes, the ICP number and the site id found in the text. A tie is reported, never guessed:
 * the code then stops at the level the candidates share (or null).
 */
export function resolveRegion(text: string, organ: string | null, title: string | null, level: OrganLevel, signature: string | null): Region {
  const zones: [string, Zone][] = [];
  if (organ) zones.push([organ, 'organ']);
  if (title && title !== organ) zones.push([title, 'title']);
  if (signature && signature !== organ) zones.push([signature, 'signature']);
  const tail = text.length > TAIL_CHARS ? text.slice(-TAIL_CHARS) : text;
  for (const m of tail.matchAll(FOOTER)) zones.push([m[1]!, 'footer']);
  zones.push([text.slice(0, BODY_CHARS), 'body']);
  if (text.length > BODY_CHARS) zones.push([text.slice(Math.max(BODY_CHARS, text.length - TAIL_CHARS)), 'body']);
  const { mentions, ev } = gatherEvidence(zones, text);

  const none: Region = { region_code: null, province: null, city: null, county: null, region_status: 'not_found', diagnostics: [] };
  const wantCounty = level === 'county' || level === 'township' || level === 'unknown';
  const targetLevel = wantCounty ? 'county' : level === 'city' ? 'city' : level === 'province' ? 'province' : null;
  if (!targetLevel) return none;

  const cands = new Map<string, Scored>();
  const consider = (p: Place, nameScore: number, named: boolean): void => {
    const prev = cands.get(p.code);
    const score = nameScore + support(p, ev);
    if (!prev) cands.set(p.code, { place: p, score, named });
    else cands.set(p.code, { place: p, score: Math.max(prev.score, score) + (named && prev.named ? 1 : 0), named: prev.named || named });
  };
  const bodyCount = new Map<string, number>();
  for (const m of mentions) {
    if (m.place.level !== targetLevel) continue;
    let w = NAME_WEIGHT[m.zone];
    if (m.zone === 'body') {
      const n = (bodyCount.get(m.place.code) ?? 0) + 1;
      bodyCount.set(m.place.code, n);
      w += Math.min(n, 3) * 2;
    }
    consider(m.place, w, true);
    // a county named in the organ or title competes with its same-stem namesakes (华容区 / 华容县)
    if (m.zone !== 'body' && m.place.level === 'county') for (const p of countiesWithStem(m.place)) if (p.code !== m.place.code) consider(p, w * 0.75, false);
  }
  // a county known only from the site id or phone code stands in when the text names none
  if (targetLevel === 'county' && cands.size === 0) {
    for (const code of ev.counties.keys()) {
      const p = placeByCode(code);
      if (p) consider(p, total(ev.counties, code) >= 50 ? 20 : 0, false);
    }
  }

  const ranked = rank(cands).filter((c) => c.named || c.score >= 20);
  const best = ranked[0];
  const anchoredBest = best && (best.score >= NAME_WEIGHT.footer || support(best.place, ev) > 0);
  if (!best || !anchoredBest) return higherLevel(ev, none, targetLevel);

  const rivals = ranked.filter((c) => c !== best && best.score - c.score < 3);
  if (rivals.length > 0) {
    const all = [best, ...rivals].map((c) => c.place);
    const shared = commonPlace(all);
    const list = all.map((p) => `${p.name}(${p.code}, ${provinceOf(p)?.name ?? ''}${cityOf(p)?.name ?? ''})`).join(' / ');
    const base = shared ? describe(shared) : { region_code: null, province: null, city: null, county: null };
    return {
      ...base, region_status: 'ambiguous',
      diagnostics: [{ severity: 'warning', code: 'region_ambiguous', message: `region not settled between ${list}; kept ${shared ? shared.code : 'no code'}` }],
    };
  }
  return { ...describe(best.place), region_status: 'resolved', diagnostics: [] };
}

/** No place of the organ's own level was found: keep the prefecture or province the text agrees on, if any. */
function higherLevel(ev: Evidence, none: Region, targetLevel: string): Region {
  const top = (m: Support): [string, number] | undefined => {
    const sorted = [...m.keys()].map((k): [string, number] => [k, total(m, k)]).sort((a, b) => b[1] - a[1]);
    if (sorted.length === 0) return undefined;
    if (sorted.length > 1 && sorted[0]![1] === sorted[1]![1]) return undefined;
    return sorted[0];
  };
  const city = targetLevel === 'county' ? top(ev.cities) : undefined;
  const cityPlace = city && city[1] >= 10 ? placeByCode(`${city[0]}00`) : undefined;
  const provCode = top(ev.provinces);
  const place = cityPlace ?? (provCode && provCode[1] >= 6 ? placeByCode(`${provCode[0]}0000`) : undefined);
  if (!place) return { ...none, diagnostics: [{ severity: 'info', code: 'region_not_found', message: 'no place name of the organ found in the text' }] };
  return {
    ...describe(place), region_status: 'partial',
    diagnostics: [{ severity: 'info', code: 'region_partial', message: `only the ${place.level} (${place.name}, ${place.code}) could be settled` }],
  };
}
