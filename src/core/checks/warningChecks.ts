import type { CellRow, CheckRow, FactRow, OrganLevel } from '../schema.ts';
import { itemsNonneg } from './itemsNonneg.ts';
import { reviewLitNoLink, signedChange } from './infoRules.ts';

type Draft = Omit<CheckRow, 'report_id'>;
type FactLike = Pick<FactRow, 'label' | 'value' | 'unit' | 'start' | 'end' | 'section_key'> & { sentence?: string };

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const cellKey = (t: string, r: string, c: string): string => `${t}.${r}.${c}`;

export interface WarningInput {
  organ: string | null;
  organ_level: OrganLevel;
  report_year: number | null;
  cells: readonly CellRow[];
  facts: readonly FactLike[];
  text: string;
}

/** Warning rules of one report: REG-POWER and TEXT-TABLE. (X-YEAR-CARRY needs other reports: crossYearChecks.) */
export function warningChecks(input: WarningInput): Draft[] {
  return [...regPower(input), ...textTable(input), ...itemsNonneg(input.cells), ...signedChange(input.cells), ...reviewLitNoLink(input.cells)];
}

/**
 * Who may make 规章 (立法法 第九十三条): ministries, provincial governments and the governments of cities with
 * districts (设区的市、自治州). A 政府 report may count its own and its 办公厅's; departments and county or township
 * organs may not make any, so 规章 > 0 there is likely a mis-filled row (often the upper level's 规章 copied in).
 */
export function mayMakeRegulations(organ: string | null, level: OrganLevel): boolean | null {
  if (level === 'unknown' || !organ) return null;
  if (level === 'central') return !/(办公厅|办公室)$/.test(organ);
  if (level === 'province' || level === 'city') return /人民政府(办公厅|办公室)?$|政府(办公厅|办公室)?$/.test(organ);
  return false;
}

const LEVEL_ZH: Record<OrganLevel, string> = { central: '中央', province: '省级', city: '市级', county: '县级', township: '乡镇级', unknown: '' };

function regPower({ organ, organ_level, cells }: WarningInput): Draft[] {
  const regs = cells.filter((c) => c.table_id === 'active_art20_1' && c.row_key === 'regulations');
  if (regs.length === 0) return [];
  const base = { rule_id: 'REG-POWER', severity: 'warning' as const, col_key: 'active_art20_1.regulations', rhs: 0 };
  const reported = regs.filter((c) => c.value !== null);
  const power = mayMakeRegulations(organ, organ_level);
  if (reported.length === 0 || power === null) {
    const why = reported.length === 0 ? ['「规章」行为空', 'the 规章 row is blank'] : ['无法判断机关层级', 'the organ level is unknown'];
    return [{ ...base, status: 'skipped', lhs: null, rhs: null, message_zh: `规章制定权检查：${why[0]}，未检查`, message_en: `Power to make 规章: ${why[1]}; not checked` }];
  }
  const lhs = Math.max(...reported.map((c) => c.value!));
  const who = organ ?? '';
  if (power || lhs === 0) {
    return [{
      ...base, status: 'pass', lhs,
      message_zh: power ? `「${who}」具有规章制定权，「规章」行填报数字无异常` : `「${who}」无规章制定权，「规章」行为 0`,
      message_en: power ? `${who} may make 规章; the 规章 row is plausible` : `${who} cannot make 规章 and the 规章 row is 0`,
    }];
  }
  const col = reported.find((c) => c.value === lhs)!.col_key;
  return [{
    ...base, status: 'fail', lhs,
    message_zh: `第二十条第（一）项「规章」行填报了 ${fmt(lhs)} 件（${col}），但「${who}」为${LEVEL_ZH[organ_level]}机关或政府工作部门，依法无规章制定权，该行应为 0 或空；请核实是否误填了上级机关的规章或规范性文件`,
    message_en: `Article 20(1) reports ${fmt(lhs)} 规章 (column ${col}), but ${who} (${organ_level} level or a government department) has no power to make 规章: the row should be 0 or blank; check whether the upper level's 规章 or normative documents were entered`,
  }];
}

/** Fact key → the table numbers (total column) it may quote; any one matching passes. */
const SUM = (t: string, r: string[], c: string): [string, string, string][] => r.map((x) => [t, x, c]);
const DENIED = ['denied_state_secret', 'denied_law_prohibited', 'denied_security_stability', 'denied_third_party', 'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_admin_query'];
const UNABLE = ['unable_not_held', 'unable_need_creation', 'unable_still_unclear'];
const NOT_PROCESSED = ['not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_mass_repeat', 'not_processed_confirm'];

type Refs = [string, string, string][];
interface Target {
  zh: string; en: string; readings: Refs[]; readingZh?: string[]; readingEn?: string[];
  /** outside section 四, a review or lawsuit count is about disclosure only when its sentence says so (a 司法局 handles
   * hundreds of 行政复议 that are not about 政府信息公开) */
  disclosureOnly?: boolean;
  /** 第二十条 counts are quoted in section 二 as well */
  activeSection?: boolean;
}

// 规章 / 规范性文件 counts in the prose may be the year's new ones or the stock: any column of the row may match
const ART20_1_COLS = ['made', 'new_made', 'new_published', 'valid', 'total_published', 'repealed'];
const art20Row = (row: string): Refs[] => ART20_1_COLS.map((c) => [['active_art20_1', row, c]]);

const TARGETS: Record<string, Target> = {
  regulations: { zh: '第二十条第（一）项「规章」', en: 'Article 20(1) 规章 row', readings: art20Row('regulations'), activeSection: true },
  normative_documents: { zh: '第二十条第（一）项「规范性文件」', en: 'Article 20(1) normative documents row', readings: art20Row('normative_documents'), activeSection: true },
  applications_received: {
    zh: '本年新收政府信息公开申请数量（总计）', en: 'applications received this year (total)',
    // the prose often counts the carried-over applications in ('共收到147件，其中2020年结转3件')
    readings: [SUM('applications', ['new_received'], 'total'), SUM('applications', ['new_received', 'carried_over'], 'total')],
    readingZh: ['本年新收政府信息公开申请数量（总计）', '本年新收与上年结转之和（总计）'],
    readingEn: ['applications received this year (total)', 'applications received plus carried over (total)'],
  },
  carried_over: { zh: '上年结转政府信息公开申请数量（总计）', en: 'applications carried over from last year (total)', readings: [SUM('applications', ['carried_over'], 'total')] },
  carried_forward: { zh: '结转下年度继续办理（总计）', en: 'applications carried forward (total)', readings: [SUM('applications', ['carried_forward'], 'total')] },
  granted: { zh: '予以公开（总计）', en: 'granted (total)', readings: [SUM('applications', ['granted'], 'total')] },
  partially_granted: { zh: '部分公开（总计）', en: 'partially granted (total)', readings: [SUM('applications', ['partially_granted'], 'total')] },
  denied: { zh: '不予公开（总计）', en: 'denied (total)', readings: [SUM('applications', DENIED, 'total')] },
  unable: { zh: '无法提供（总计）', en: 'unable to provide (total)', readings: [SUM('applications', UNABLE, 'total')] },
  not_processed: { zh: '不予处理（总计）', en: 'not processed (total)', readings: [SUM('applications', NOT_PROCESSED, 'total')] },
  reviews: { zh: '行政复议（总计）', en: 'administrative reviews (total)', readings: [SUM('review_litigation', ['counts'], 'review_total')], disclosureOnly: true },
  lawsuits: {
    zh: '行政诉讼（未经复议直接起诉与复议后起诉之和）', en: 'lawsuits (direct plus after review)',
    readings: [[['review_litigation', 'counts', 'lit_direct_total'], ['review_litigation', 'counts', 'lit_after_review_total']], SUM('review_litigation', ['counts'], 'lit_direct_total')],
    readingZh: ['行政诉讼（未经复议直接起诉与复议后起诉之和）', '行政诉讼（未经复议直接起诉总计）'],
    readingEn: ['lawsuits (direct plus after review)', 'lawsuits filed directly (total)'],
    disclosureOnly: true,
  },
};

/** Sections whose prose summarises the tables; numbers elsewhere (问题, 其他事项) are about other things. */
const SUMMARY_SECTIONS = new Set(['overall', 'applications', 'review_litigation', 'unknown']);
const YEAR_BEFORE = /((?:19|20)\d{2})\s*年/g;

/** The year a clause is about, when it names one ('2020年收到…'). */
function clauseYear(text: string, start: number): number | null {
  let a = start;
  while (a > 0 && start - a < 60 && !/[，,。；;\n]/.test(text[a - 1]!)) a--;
  let y: number | null = null;
  for (const m of text.slice(a, start).matchAll(YEAR_BEFORE)) y = Number(m[1]);
  return y;
}

function textTable({ cells, facts, text, report_year }: WarningInput): Draft[] {
  if (!facts.some((f) => Object.hasOwn(TARGETS, f.label))) return [];
  const byKey = new Map<string, CellRow>();
  for (const c of cells) byKey.set(cellKey(c.table_id, c.row_key, c.col_key), c);
  const out: Draft[] = [];
  for (const f of facts) {
    const target = Object.hasOwn(TARGETS, f.label) ? TARGETS[f.label] : undefined;
    if (!target) continue;
    if (!SUMMARY_SECTIONS.has(f.section_key) && !(target.activeSection && f.section_key === 'active_disclosure')) continue;
    if (target.disclosureOnly && f.section_key !== 'review_litigation' && !/信息公开/.test(f.sentence ?? '')) continue;
    if (f.label !== 'carried_over' && f.label !== 'carried_forward' && report_year) {
      const y = clauseYear(text, f.start);
      if (y !== null && y !== report_year) continue;
    }
    const quoted = text.slice(f.start, f.end);
    const sums = target.readings.map((refs) => {
      let s = 0;
      for (const [t, r, c] of refs) {
        const cell = byKey.get(cellKey(t, r, c));
        if (!cell || cell.value === null) return null;
        s += cell.value;
      }
      return s;
    });
    const base = { rule_id: 'TEXT-TABLE', severity: 'warning' as const, col_key: f.label, lhs: f.value };
    const first = sums.find((s) => s !== null) ?? null;
    if (first === null) {
      out.push({ ...base, status: 'skipped', rhs: null, message_zh: `正文「${quoted}${f.unit ?? ''}」对应的表格单元格（${target.zh}）空白或缺失，未检查`, message_en: `The text's ${quoted}${f.unit ?? ''} has no table value to compare (${target.en} blank or missing); not checked` });
      continue;
    }
    const hit = sums.findIndex((s) => s !== null && Math.abs(s - f.value) < 1e-9);
    if (hit >= 0) {
      const match = sums[hit]!;
      const zh = target.readingZh?.[hit] ?? target.zh;
      const en = target.readingEn?.[hit] ?? target.en;
      out.push({ ...base, status: 'pass', rhs: match, message_zh: `正文「${quoted}${f.unit ?? ''}」与表格「${zh}」${fmt(match)} 一致`, message_en: `The text's ${quoted}${f.unit ?? ''} matches the table's ${en} (${fmt(match)})` });
      continue;
    }
    out.push({
      ...base, status: 'fail', rhs: first,
      message_zh: `正文称「${quoted}${f.unit ?? ''}」，但表格「${target.zh}」为 ${fmt(first)}，正文与表格数字不一致，请核实`,
      message_en: `The text says ${quoted}${f.unit ?? ''} but the table's ${target.en} is ${fmt(first)}: text and table disagree`,
    });
  }
  return out;
}
