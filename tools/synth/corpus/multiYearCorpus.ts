import { generateTruth, type SynthTruth, type TruthCell } from '../truth.ts';
import { planLayouts, renderReport } from '../render.ts';
import { LAYOUTS, type ReportLayout } from '../layouts.ts';
import { makeRng, type Rng } from '../rng.ts';
import { COUNTY_ORGANS, PLACES, TOWNSHIPS, type Place } from '../places.ts';
import { recopy, sectionProse, type Paragraph, type ProseSection } from './specificProse.ts';

/**
 * A multi-year corpus of the same organs, with known deviations for the review desk's rules: copied sections (same
 * organ year over year, or another organ's), late reports, broken carry-overs (X-YEAR-CARRY) and stocks
 * (X-YEAR-STOCK), renamed organs, and county governments whose tables are the sum of their departments' and
 * townships' (层级汇总) — with now and then a department left out of the sum. Everything not injected is consistent,
 * so a rule that fires elsewhere is a false alarm.
 */
export interface CorpusOptions {
  seed: number;
  /** counties whose government reports the sum of its organs, and counties with departments only */
  aggregateCounties: number;
  plainCounties: number;
  departments: number;
  years: readonly [number, number];
  copyRate: number;
  crossCopyRate: number;
  lateRate: number;
  carryBreakRate: number;
  stockBreakRate: number;
  /** share of aggregate county-years with an extra department the government left out of its sums */
  extraChildRate: number;
  layout?: ReportLayout;
}

export const CORPUS_DEFAULTS: CorpusOptions = {
  seed: 18, aggregateCounties: 4, plainCounties: 8, departments: 8, years: [2019, 2023],
  copyRate: 0.1, crossCopyRate: 0.04, lateRate: 0.08, carryBreakRate: 0.08, stockBreakRate: 0.15, extraChildRate: 0.3,
};

export type OrganKind = 'government' | 'department' | 'township' | 'extra';

export interface CorpusReport {
  file: string;
  text: string;
  truth: SynthTruth;
  organ_id: string;
  county_id: number;
  kind: OrganKind;
  year: number;
  /** per narrative section, the id of its text: a copy has its source's id */
  prose: Record<ProseSection, string>;
  injected: { late: boolean; carry: string | null; stock: string | null; copies: { section: ProseSection; from: string }[] };
}

/** An organ across years; `names[i]` is its name in year years[0] + i (a rename changes it once). */
interface Organ { id: string; county: number; kind: OrganKind; place: Place; names: string[] }

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other'];
const SECTIONS: ProseSection[] = ['overall', 'problems', 'other'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Organs renamed or spelled otherwise between years: [before, after]. */
const CHANGING: [string, string][] = [
  ['环境保护局', '生态环境局'], ['国土资源局', '自然资源和规划局'], ['经济开发区党工委管委会', '经济开发区管委会'], ['卫生和计划生育局', '卫生健康局'],
];
/** Bodies that report for one year only (a new one each year, so no two years pair up). */
const ONE_OFF = ['重大项目建设指挥部办公室', '第七次全国人口普查领导小组办公室', '创建全国文明城市指挥部办公室', '防汛抗旱指挥部办公室', '乡村振兴工作领导小组办公室', '疫情防控指挥部办公室'];
// 档案馆 is left out: written in traditional script (檔案館) the parser's converter reads it as 文件馆 (a phrase
// conversion), so the same organ would get two names — a parser matter, not the review desk's
const STEADY = COUNTY_ORGANS.filter((o) => !['人民政府', '自然资源和规划分局', '生态环境分局', '卫生健康局', '档案馆'].includes(o));

function organsOf(rng: Rng, county: number, place: Place, aggregate: boolean, n: number, years: number): Organ[] {
  const name = (o: string) => `${place.county}${o}`;
  const out: Organ[] = [];
  if (aggregate) out.push({ id: `c${county}-gov`, county, kind: 'government', place, names: Array(years).fill(name('人民政府')) });
  const picks = [...STEADY].sort(() => rng.next() - 0.5).slice(0, n - 1);
  const [before, after] = rng.pick(CHANGING);
  const switchAt = rng.int(1, years - 1);
  out.push({ id: `c${county}-chg`, county, kind: 'department', place, names: Array.from({ length: years }, (_, i) => name(i < switchAt ? before : after)) });
  for (const [i, o] of picks.entries()) out.push({ id: `c${county}-d${i}`, county, kind: 'department', place, names: Array(years).fill(name(o)) });
  const towns = [...TOWNSHIPS].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 2));
  for (const [i, t] of towns.entries()) {
    const organ = t.endsWith('街道') ? `${place.county}${t}办事处` : `${place.county}${t}人民政府`;
    out.push({ id: `c${county}-t${i}`, county, kind: 'township', place, names: Array(years).fill(organ) });
  }
  return out;
}

const find = (cells: TruthCell[], t: string, r: string, c: string): TruthCell | undefined =>
  cells.find((x) => x.table_id === t && x.row_key === r && x.col_key === c);
const setValue = (cell: TruthCell, v: number): void => {
  cell.value = v;
  cell.raw = String(v);
  cell.unit = null;
  cell.state = 'reported';
};

/** This year's 上年结转 from last year's 结转下年度, and 本年新收 so that the table still balances. */
function chainCarry(cells: TruthCell[], prev: TruthCell[] | null): void {
  for (const col of APPLICANTS) {
    const over = find(cells, 'applications', 'carried_over', col)!;
    const fwd = find(cells, 'applications', 'carried_forward', col)!;
    const total = find(cells, 'applications', 'results_total', col)!.value!;
    if (prev) setValue(over, find(prev, 'applications', 'carried_forward', col)!.value!);
    if (total + fwd.value! - over.value! < 0) setValue(fwd, over.value! - total);
    setValue(find(cells, 'applications', 'new_received', col)!, total + fwd.value! - over.value!);
  }
  for (const row of ['new_received', 'carried_over', 'carried_forward']) {
    setValue(find(cells, 'applications', row, 'total')!, APPLICANTS.reduce((s, c) => s + find(cells, 'applications', row, c)!.value!, 0));
  }
}

/** 现行有效件数 = last year's + 本年制发 − 本年废止 (2021 form after a 2021-form year). */
function chainStock(cells: TruthCell[], prev: TruthCell[] | null): void {
  for (const row of ['regulations', 'normative_documents']) {
    const valid = find(cells, 'active_art20_1', row, 'valid');
    const before = prev && find(prev, 'active_art20_1', row, 'valid');
    if (!valid || !before) continue;
    const made = find(cells, 'active_art20_1', row, 'made')!;
    const repealed = find(cells, 'active_art20_1', row, 'repealed')!;
    if (repealed.value! > before.value! + made.value!) setValue(repealed, before.value! + made.value!);
    setValue(valid, before.value! + made.value! - repealed.value!);
  }
}

/** Counties do not make 规章: the generator's own choice of organ may have given some. */
function noRegulations(cells: TruthCell[]): void {
  for (const c of cells) if (c.table_id === 'active_art20_1' && c.row_key === 'regulations') setValue(c, 0);
}

function deadline(kind: OrganKind, year: number): string | null {
  if (kind === 'township') return null;
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

function publishedDate(rng: Rng, kind: OrganKind, year: number, late: boolean): string {
  if (late) return kind === 'government' ? `${year + 1}-${pad2(rng.int(4, 6))}-${pad2(rng.int(1, 28))}` : `${year + 1}-${pad2(rng.int(2, 4))}-${pad2(rng.int(1, 28))}`;
  if (kind === 'government' || kind === 'township') return `${year + 1}-${pad2(rng.int(1, 3))}-${pad2(rng.int(2, 28))}`;
  return `${year + 1}-01-${pad2(rng.int(2, 31))}`;
}

/** The whole corpus, deterministic for its options. */
export function generateMultiYear(options: Partial<CorpusOptions> = {}): CorpusReport[] {
  const o: CorpusOptions = { ...CORPUS_DEFAULTS, ...options };
  const rng = makeRng(o.seed * 7919 + 1);
  const nYears = o.years[1] - o.years[0] + 1;
  const places = [...PLACES].sort(() => rng.next() - 0.5);
  const counties = o.aggregateCounties + o.plainCounties;
  const organs: Organ[] = [];
  for (let c = 0; c < counties; c++) organs.push(...organsOf(rng, c, places[c]!, c < o.aggregateCounties, o.departments, nYears));
  const out: CorpusReport[] = [];
  /** last report of each organ, and the prose of every report by organ and year */
  const last = new Map<string, CorpusReport>();
  const prose = new Map<string, Record<ProseSection, Paragraph[]>>();
  let serial = 0;

  const make = (organ: Organ, year: number, yi: number, cellsFrom?: (cells: TruthCell[]) => void): CorpusReport => {
    const r = makeRng(o.seed * 104729 + serial++);
    const format = year >= 2021 ? 'gov_2021' as const : 'gov_2019' as const;
    const truth = generateTruth(r, { injectRate: 0, format });
    const name = organ.names[yi]!;
    const prev = last.get(organ.id) ?? null;
    const plain = organ.county >= o.aggregateCounties;
    const late = organ.kind !== 'township' && r.chance(o.lateRate);
    truth.year = year;
    truth.place = organ.place;
    truth.organ = name;
    truth.organ_level = organ.kind === 'township' ? 'township' : 'county';
    truth.title = `${name}${year}年度政府信息公开工作年度报告`;
    truth.published_date = publishedDate(r, organ.kind, year, late);
    truth.extra_rows = truth.extra_rows.filter((x) => x.table_id !== 'active_art20_1');
    truth.cells = truth.cells.filter((c) => !(c.table_id === 'active_art20_1' && c.row_key.startsWith('extra_')));
    noRegulations(truth.cells);
    const prevCells = prev && prev.year === year - 1 ? prev.truth.cells : null;
    chainCarry(truth.cells, prevCells);
    chainStock(truth.cells, prevCells);
    cellsFrom?.(truth.cells);
    const injected: CorpusReport['injected'] = { late, carry: null, stock: null, copies: [] };
    if (plain && prevCells && r.chance(o.carryBreakRate)) {
      const d = r.int(1, 3);
      for (const col of ['natural_person', 'total']) {
        const over = find(truth.cells, 'applications', 'carried_over', col)!;
        const fwd = find(truth.cells, 'applications', 'carried_forward', col)!;
        // 本年新收 stays: 一 + 二 = 三 + 四 still holds inside the report, only the link to last year breaks
        setValue(over, over.value! + d);
        setValue(fwd, fwd.value! + d);
      }
      injected.carry = 'natural_person';
    }
    if (plain && format === 'gov_2021' && prevCells && find(prevCells, 'active_art20_1', 'normative_documents', 'valid') && r.chance(o.stockBreakRate)) {
      const v = find(truth.cells, 'active_art20_1', 'normative_documents', 'valid')!;
      setValue(v, v.value! + r.int(1, 5));
      injected.stock = 'normative_documents';
    }
    // prose: fresh, or copied from last year's own report, or from another organ's report of this or last year
    const own: Record<ProseSection, Paragraph[]> = {} as Record<ProseSection, Paragraph[]>;
    const ids = {} as Record<ProseSection, string>;
    for (const s of SECTIONS) {
      const prevSame = prevCells ? prose.get(`${organ.id}:${year - 1}`) : undefined;
      const others = out.filter((x) => x.organ_id !== organ.id && x.year >= year - 1 && x.kind !== 'extra');
      if (prevSame && prev && r.chance(o.copyRate)) {
        own[s] = partial(r, recopy(r, prevSame[s], prev.truth.organ, name), s, name, year);
        ids[s] = prev.prose[s];
        injected.copies.push({ section: s, from: prev.file });
      } else if (others.length && r.chance(o.crossCopyRate)) {
        const src = r.pick(others);
        own[s] = partial(r, recopy(r, prose.get(`${src.organ_id}:${src.year}`)![s], src.truth.organ, name), s, name, year);
        ids[s] = src.prose[s];
        injected.copies.push({ section: s, from: src.file });
      } else {
        own[s] = sectionProse(r, s, name, year);
        ids[s] = `${organ.id}:${year}:${s}`;
      }
    }
    prose.set(`${organ.id}:${year}`, own);
    const layout = o.layout ?? r.pick([...LAYOUTS, 'mixed'] as const);
    const plan = planLayouts(r, truth, layout);
    const text = renderReport(r, truth, plan, (bank) => own[bank].map((p) => p.text));
    const file = `multi_${o.seed}_${organ.id}_${year}.txt`;
    const rep: CorpusReport = { file, text, truth, organ_id: organ.id, county_id: organ.county, kind: organ.kind, year, prose: ids, injected };
    last.set(organ.id, rep);
    return rep;
  };

  for (let yi = 0; yi < nYears; yi++) {
    const year = o.years[0] + yi;
    for (let c = 0; c < counties; c++) {
      const here = organs.filter((x) => x.county === c);
      const children: CorpusReport[] = [];
      for (const organ of here.filter((x) => x.kind !== 'government')) children.push(make(organ, year, yi));
      for (const r of children) out.push(r);
      const gov = here.find((x) => x.kind === 'government');
      if (!gov) continue;
      // the government's tables 三 and 四 are the sums of its organs' (a county-wide report)
      out.push(make(gov, year, yi, (cells) => {
        for (const cell of cells) {
          if (cell.table_id !== 'applications' && cell.table_id !== 'review_litigation') continue;
          setValue(cell, children.reduce((s, ch) => s + (find(ch.truth.cells, cell.table_id, cell.row_key, cell.col_key)?.value ?? 0), 0));
        }
      }));
      if (rng.chance(o.extraChildRate)) {
        const extra: Organ = { id: `c${c}-x${year}`, county: c, kind: 'extra', place: places[c]!, names: Array(nYears).fill(`${places[c]!.county}${ONE_OFF[yi % ONE_OFF.length]}`) };
        out.push(make(extra, year, yi));
      }
    }
  }
  return out;
}

/** A copy keeps all of the source, or (now and then) only its own paragraphs, with fresh ones between them. */
function partial(rng: Rng, copied: Paragraph[], s: ProseSection, organ: string, year: number): Paragraph[] {
  if (!rng.chance(0.3)) return copied;
  const fresh = sectionProse(rng, s, organ, year);
  const out: Paragraph[] = [];
  for (const p of copied) if (p.own) out.push(p);
  // the shared sentences (fee, work points, generic prose) stay; some new paragraphs of its own join the copy
  for (const p of fresh) if (!p.own || rng.chance(0.5)) out.splice(rng.int(0, out.length), 0, p);
  return out;
}

/** Deadlines the generator used, for the timeliness expectations. */
export const corpusDeadline = (r: CorpusReport): string | null => deadline(r.kind === 'extra' ? 'department' : r.kind, r.year);
