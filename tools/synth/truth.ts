import type { CellState } from '../../src/core/schema.ts';
import { formatTemplate, type ModernFormat, type TemplateTable } from '../../src/core/template/template.ts';
import { extraRowKey } from '../../src/core/extract/extractActive.ts';
import { count, type Rng } from './rng.ts';
import { COUNTY_ORGANS, PLACES, TOWNSHIPS, type Place } from './places.ts';

/** One cell as the generator wrote it: the number a parser must find, and the text it was written as. */
export interface TruthCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
  state: CellState;
  unit: string | null;
  /** as rendered, before the parser's normalisation (full-width digits stay full-width here) */
  raw: string;
}

export type InjectionKind = 'inconsistent' | 'negative' | 'blank' | 'na' | 'yuan';

/** A known deviation placed on purpose: an error the checks must flag, or an empty cell they must skip. */
export interface Injection { kind: InjectionKind; table_id: string; row_key: string; col_key: string; delta?: number }

export interface SynthTruth {
  format: ModernFormat;
  year: number;
  place: Place;
  organ: string;
  organ_level: 'city' | 'county' | 'township';
  title: string;
  /** ISO yyyy-mm-dd */
  published_date: string;
  cells: TruthCell[];
  /** labels of rows the national template does not have (kept under extraRowKey(label)) */
  extra_rows: { table_id: string; row_key: string; label: string }[];
  injections: Injection[];
}

export interface TruthOptions {
  /** probability that a report carries injected deviations (inconsistencies, negatives, blank/na cells) */
  injectRate: number;
  format?: ModernFormat;
  /** set by a corpus-level mix (realism.ts); drawn here when absent */
  year?: number;
  place?: Place;
  organ_level?: SynthTruth['organ_level'];
}

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other'];

function organFor(rng: Rng, place: Place, level?: SynthTruth['organ_level']): { organ: string; level: SynthTruth['organ_level'] } {
  const r = level === undefined ? rng.next() : { city: 0, township: 0.15, county: 1 }[level];
  if (r < 0.12) return { organ: `${place.city}${rng.pick(COUNTY_ORGANS.slice(1))}`, level: 'city' };
  if (r < 0.22) return { organ: `${place.county}${rng.pick(TOWNSHIPS)}${rng.chance(0.5) ? '人民政府' : '办事处'}`.replace('街道人民政府', '街道办事处').replace(/镇办事处|乡办事处/, (m) => m[0] + '人民政府'), level: 'township' };
  return { organ: `${place.county}${rng.pick(COUNTY_ORGANS)}`, level: 'county' };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function cell(table: string, row: string, col: string, value: number, raw?: string, unit: string | null = null): TruthCell {
  return { table_id: table, row_key: row, col_key: col, value, state: 'reported', unit, raw: raw ?? String(value) };
}

const CN_DIGITS = '零一二三四五六七八九';
/** 0–99 in Chinese numerals: 0 零, 7 七, 10 十, 12 十二, 40 四十, 56 五十六. */
export function cnNumeral(v: number): string {
  if (v < 10) return CN_DIGITS[v]!;
  const t = Math.floor(v / 10);
  const u = v % 10;
  return (t === 1 ? '' : CN_DIGITS[t]!) + '十' + (u ? CN_DIGITS[u]! : '');
}

/** Write a count the way offices do: mostly bare, sometimes with 件/项/个 or thousands separators. */
function countRaw(rng: Rng, v: number, units: readonly string[], unitRate: number): { raw: string; unit: string | null } {
  let s = v >= 1000 && rng.chance(0.15) ? v.toLocaleString('en-US') : String(v);
  if (rng.chance(unitRate)) {
    const u = rng.pick(units);
    // now and then in Chinese numerals ('十二件'), as some offices write
    if (v < 100 && rng.chance(0.1)) return { raw: cnNumeral(v) + u, unit: u };
    return { raw: s + u, unit: u };
  }
  if (v === 0 && rng.chance(0.02)) s = '零';
  return { raw: s, unit: null };
}

function signedRaw(rng: Rng, v: number, unitRate: number): { raw: string; unit: string | null } {
  const unit = rng.chance(unitRate) ? '项' : null;
  const abs = Math.abs(v);
  const style = rng.int(0, 2);
  let raw: string;
  if (v === 0) raw = '0';
  else if (style === 0) raw = (v > 0 ? '+' : '-') + abs;
  else if (style === 1) raw = (v > 0 ? '增' : '减') + abs;
  else raw = v > 0 ? String(abs) : '-' + abs;
  return { raw: raw + (unit && v !== 0 ? unit : ''), unit: unit && v !== 0 ? unit : null };
}

function activeTables(rng: Rng, format: ModernFormat, unitRate: number, cells: TruthCell[], extra: SynthTruth['extra_rows'], level: SynthTruth['organ_level'], organ: string): void {
  const c = (t: string, r: string, col: string, v: number, units: readonly string[] = ['件']): void => {
    const w = countRaw(rng, v, units, unitRate);
    cells.push(cell(t, r, col, v, w.raw, w.unit));
  };
  // only a city government (and its office) may make 规章; its departments report none (REG-POWER)
  const regs = level === 'city' && rng.chance(0.4) && /人民政府(办公室)?$/.test(organ);
  // local forms add rows the national template lacks (Hubei: 其他主动公开文件); they are kept under a derived key
  const extraLabel = rng.chance(0.25) ? rng.pick(['其他主动公开文件', '其他主动公开文件', '政策解读', '重大行政决策']) : null;
  if (format === 'gov_2021') {
    for (const row of ['regulations', 'normative_documents']) {
      const made = row === 'regulations' && !regs ? 0 : count(rng, 20);
      const repealed = row === 'regulations' && !regs ? 0 : count(rng, 10);
      const valid = row === 'regulations' && !regs ? 0 : made + count(rng, 80);
      c('active_art20_1', row, 'made', made);
      c('active_art20_1', row, 'repealed', repealed);
      c('active_art20_1', row, 'valid', valid);
    }
    if (extraLabel) {
      const key = extraRowKey(extraLabel);
      extra.push({ table_id: 'active_art20_1', row_key: key, label: extraLabel });
      c('active_art20_1', key, 'made', count(rng, 300));
      c('active_art20_1', key, 'repealed', count(rng, 20));
      c('active_art20_1', key, 'valid', count(rng, 900));
    }
    c('active_art20_5', 'licensing', 'decisions', count(rng, 5000));
    c('active_art20_6', 'punishment', 'decisions', count(rng, 900));
    c('active_art20_6', 'coercion', 'decisions', count(rng, 200));
    const digits = rng.pick([0, 1, 2, 2, 2, 4, 6]);
    const fee = rng.chance(0.4) ? 0 : Math.round(rng.next() * 3000 * 10 ** digits) / 10 ** digits;
    const style = rng.next();
    if (style < 0.08 && fee > 0) {
      // written in 元 although the header says 万元: the parser converts and flags it
      const yuan = Math.round(fee * 100) / 100 * 10000;
      const raw = `${Math.round(yuan)}元`;
      cells.push({ ...cell('active_art20_8', 'admin_fees', 'fee_amount', Math.round(yuan) / 10000, raw, '万元') });
    } else if (style < 0.2) cells.push(cell('active_art20_8', 'admin_fees', 'fee_amount', fee, `${fee}万元`, '万元'));
    // the 2021 column is in 万元 (its header says so): a number written without a unit is in 万元
    else cells.push(cell('active_art20_8', 'admin_fees', 'fee_amount', fee, String(fee), '万元'));
    return;
  }
  const rows1 = ['regulations', 'normative_documents'];
  for (const row of rows1) {
    const made = row === 'regulations' && !regs ? 0 : count(rng, 20);
    c('active_art20_1', row, 'new_made', made);
    c('active_art20_1', row, 'new_published', made);
    c('active_art20_1', row, 'total_published', made + (row === 'regulations' && !regs ? 0 : count(rng, 80)));
  }
  if (extraLabel) {
    const label = extraLabel;
    const key = extraRowKey(label);
    extra.push({ table_id: 'active_art20_1', row_key: key, label });
    const made = count(rng, 300);
    c('active_art20_1', key, 'new_made', made);
    c('active_art20_1', key, 'new_published', made);
    c('active_art20_1', key, 'total_published', made + count(rng, 500));
  }
  const itemRows: [string, string[]][] = [['active_art20_5', ['licensing', 'other_mgmt_services']], ['active_art20_6', ['punishment', 'coercion']], ['active_art20_8', ['admin_fees']]];
  for (const [t, rows] of itemRows) {
    for (const row of rows) {
      const prev = count(rng, 400);
      const change = rng.chance(0.5) ? 0 : rng.int(-Math.min(prev, 30), 300);
      c(t, row, 'prev_year_items', prev, ['项', '个']);
      const s = signedRaw(rng, change, unitRate);
      cells.push(cell(t, row, 'change', change, s.raw, s.unit));
      if (t !== 'active_art20_8') c(t, row, 'decisions', count(rng, 9000), ['件', '项']);
    }
  }
  c('active_art20_9', 'central_procurement', 'procurement_items', count(rng, 40), ['个', '项']);
  const amount = rng.chance(0.3) ? 0 : Math.round(rng.next() * 2_000_000) / 100;
  const unit = rng.pick([null, '万元', '元']);
  cells.push(cell('active_art20_9', 'central_procurement', 'procurement_amount', amount, `${amount}${unit ?? ''}`, unit));
}

function applications(rng: Rng, table: TemplateTable, cells: TruthCell[]): void {
  const data = table.rows.filter((r) => r.data).map((r) => r.key);
  const results = table.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const v: Record<string, Record<string, number>> = {};
  for (const r of data) v[r] = {};
  const busy = rng.next();
  for (const col of APPLICANTS) {
    const active = col === 'natural_person' ? busy > 0.15 : rng.chance(0.25);
    let total = 0;
    for (const r of results) {
      const x = active ? count(rng, col === 'natural_person' ? 40 : 5) : 0;
      v[r]![col] = x;
      total += x;
    }
    v.results_total![col] = total;
    const fwd = active ? rng.int(0, Math.min(10, total)) : 0;
    const over = active ? rng.int(0, Math.min(6, total + fwd)) : 0;
    v.carried_forward![col] = fwd;
    v.carried_over![col] = over;
    v.new_received![col] = total + fwd - over;
  }
  for (const r of data) v[r]!.total = APPLICANTS.reduce((s, c) => s + v[r]![c]!, 0);
  for (const r of data) for (const col of table.columns.map((c) => c.key)) cells.push(cell('applications', r, col, v[r]![col]!));
}

function review(rng: Rng, cells: TruthCell[]): void {
  for (const g of ['review', 'lit_direct', 'lit_after_review']) {
    const busy = rng.chance(0.35);
    const parts = ['maintained', 'corrected', 'other', 'pending'].map((k) => [k, busy ? count(rng, 15) : 0] as const);
    for (const [k, x] of parts) cells.push(cell('review_litigation', 'counts', `${g}_${k}`, x));
    cells.push(cell('review_litigation', 'counts', `${g}_total`, parts.reduce((s, [, x]) => s + x, 0)));
  }
}

const NA_MARKS = ['/', '-', '—', '无', '／'];

function inject(rng: Rng, format: ModernFormat, cells: TruthCell[], out: Injection[]): void {
  const find = (t: string, r: string, c: string) => cells.find((x) => x.table_id === t && x.row_key === r && x.col_key === c)!;
  const n = rng.int(1, 3);
  for (let k = 0; k < n; k++) {
    const kind = rng.pick(['inconsistent', 'inconsistent', 'negative', 'blank', 'na'] as const);
    if (kind === 'inconsistent') {
      const pool = cells.filter((c) => (c.table_id === 'applications' || c.table_id === 'review_litigation') && c.state === 'reported');
      const c = rng.pick(pool);
      let delta = rng.int(1, 5) * (rng.chance(0.5) ? 1 : -1);
      if (c.value! + delta < 0) delta = -delta;
      c.value! += delta;
      c.raw = String(c.value);
      c.unit = null;
      out.push({ kind, table_id: c.table_id, row_key: c.row_key, col_key: c.col_key, delta });
    } else if (kind === 'negative') {
      const c = find('active_art20_6', 'punishment', 'decisions');
      if (c.state !== 'reported') continue;
      c.value = -rng.int(1, 9);
      c.raw = String(c.value);
      c.unit = null;
      out.push({ kind, table_id: c.table_id, row_key: c.row_key, col_key: c.col_key });
    } else {
      // an office leaves a zero cell empty or writes a mark: the rules reading it are skipped, not passed
      const pool = cells.filter((c) => c.state === 'reported' && c.value === 0 && c.table_id !== 'active_art20_8' && !(format === 'gov_2019' && c.col_key === 'change'));
      if (!pool.length) continue;
      const c = rng.pick(pool);
      c.value = null;
      c.unit = null;
      c.state = kind;
      c.raw = kind === 'na' ? rng.pick(NA_MARKS) : '';
      out.push({ kind, table_id: c.table_id, row_key: c.row_key, col_key: c.col_key });
    }
  }
}

/** A random, internally consistent report of one modern format, with deviations injected at known places. */
export function generateTruth(rng: Rng, opts: TruthOptions): SynthTruth {
  const format: ModernFormat = opts.format ?? (rng.chance(0.55) ? 'gov_2021' : 'gov_2019');
  const year = opts.year ?? (format === 'gov_2021' ? rng.int(2021, 2024) : rng.int(2019, 2020));
  const place = opts.place ?? rng.pick(PLACES);
  const { organ, level } = organFor(rng, place, opts.organ_level);
  const title = `${organ}${year}年${rng.chance(0.5) ? '度' : ''}政府信息公开工作年度报告`;
  const published_date = `${year + 1}-${pad2(rng.int(1, 3))}-${pad2(rng.int(1, 28))}`;
  const cells: TruthCell[] = [];
  const extra: SynthTruth['extra_rows'] = [];
  const unitRate = rng.chance(0.2) ? 0.6 : 0;
  activeTables(rng, format, unitRate, cells, extra, level, organ);
  applications(rng, formatTemplate(format).tables.find((t) => t.id === 'applications')!, cells);
  review(rng, cells);
  const injections: Injection[] = [];
  if (rng.chance(opts.injectRate)) inject(rng, format, cells, injections);
  for (const c of cells) if (c.table_id === 'active_art20_8' && format === 'gov_2021' && c.raw.endsWith('元') && !c.raw.endsWith('万元')) injections.push({ kind: 'yuan', table_id: c.table_id, row_key: c.row_key, col_key: c.col_key });
  return { format, year, place, organ, organ_level: level, title, published_date, cells, extra_rows: extra, injections };
}
