import type { CellRow, CheckRow, ReportRow } from '../schema.ts';
import { namesAt } from '../metadata/gazetteer.ts';

type Report = Pick<ReportRow, 'report_id' | 'organ' | 'region_code' | 'report_year' | 'doc_kind'>;
export interface YearReport { report: Report; cells: readonly CellRow[] }

const COLS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total'];
const COL_ZH: Record<string, string> = {
  natural_person: '自然人', legal_commercial: '商业企业', legal_research: '科研机构', legal_public_interest: '社会公益组织',
  legal_legal_service: '法律服务机构', legal_other: '其他', total: '总计',
};
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * Same organ: the same name in the same region (an aggregate 全市 report and an organ's own never share a name). Within
 * a resolved region the leading place names are dropped, so 武汉市硚口区人民政府 and 硚口区人民政府 are one organ.
 */
export function organKey(r: Pick<ReportRow, 'organ' | 'region_code'>): string | null {
  if (!r.organ) return null;
  let name = r.organ.replace(/\s/g, '');
  if (r.region_code) {
    for (let guard = 0; guard < 4; guard++) {
      const place = namesAt(name, 0).find((e) => !e.short);
      if (!place || name.length - place.name.length < 2) break;
      name = name.slice(place.name.length);
    }
  }
  return `${r.region_code ?? ''}|${name}`;
}

/**
 * X-YEAR-CARRY across reports: this year's 上年结转 equals last year's 结转下年度继续办理 for the same organ, per
 * applicant column. Only when that organ's previous year is in the data set; a blank on either side is skipped.
 * Rows belong to the later report. Pure: the build calls it once all files are parsed.
 */
export function crossYearChecks(reports: readonly YearReport[]): CheckRow[] {
  const byOrganYear = new Map<string, YearReport[]>();
  for (const r of reports) {
    const k = organKey(r.report);
    if (!k || r.report.report_year === null || r.report.doc_kind !== 'annual_report') continue;
    const key = `${k}|${r.report.report_year}`;
    byOrganYear.set(key, [...(byOrganYear.get(key) ?? []), r]);
  }
  const out: CheckRow[] = [];
  for (const cur of reports) {
    const k = organKey(cur.report);
    const year = cur.report.report_year;
    if (!k || year === null || cur.report.doc_kind !== 'annual_report') continue;
    const prevs = byOrganYear.get(`${k}|${year - 1}`);
    if (!prevs) continue;
    const prev = prevs[0]!;
    const value = (cells: readonly CellRow[], row: string, col: string): number | null =>
      cells.find((c) => c.table_id === 'applications' && c.row_key === row && c.col_key === col)?.value ?? null;
    const organ = cur.report.organ!;
    for (const col of COLS) {
      const lhs = value(cur.cells, 'carried_over', col);
      const rhs = value(prev.cells, 'carried_forward', col);
      const base = { report_id: cur.report.report_id, rule_id: 'X-YEAR-CARRY', severity: 'warning' as const, col_key: col, lhs, rhs };
      const where = `「${COL_ZH[col]}」列`;
      if (lhs === null || rhs === null) {
        out.push({ ...base, status: 'skipped', message_zh: `跨年度结转检查${where}：本年「上年结转」或 ${year - 1} 年度「结转下年度继续办理」空白或缺失，未检查`, message_en: `Carry-over across years, column ${col}: this year's carried-over or ${year - 1}'s carried-forward is blank or missing; not checked` });
        continue;
      }
      const ok = Math.abs(lhs - rhs) < 1e-9;
      out.push({
        ...base, status: ok ? 'pass' : 'fail',
        message_zh: ok
          ? `${organ} ${year} 年度报告${where}「上年结转」${fmt(lhs)} 件，与 ${year - 1} 年度报告「结转下年度继续办理」${fmt(rhs)} 件一致`
          : `${organ} ${year} 年度报告${where}「上年结转政府信息公开申请数量」为 ${fmt(lhs)} 件，与 ${year - 1} 年度报告「结转下年度继续办理」${fmt(rhs)} 件不一致，请核实`,
        message_en: ok
          ? `${organ} ${year}, column ${col}: carried over ${fmt(lhs)} equals ${year - 1}'s carried forward (${fmt(rhs)})`
          : `${organ} ${year}, column ${col}: applications carried over from last year (${fmt(lhs)}) do not equal those carried forward in the ${year - 1} report (${fmt(rhs)})`,
      });
    }
    if (prevs.length > 1) {
      out.push({
        report_id: cur.report.report_id, rule_id: 'X-YEAR-CARRY', severity: 'warning', status: 'skipped', col_key: null, lhs: null, rhs: null,
        message_zh: `${organ} 有 ${prevs.length} 份 ${year - 1} 年度报告，只与第一份比对`, message_en: `${organ} has ${prevs.length} reports for ${year - 1}; compared with the first only`,
      });
    }
  }
  return out;
}

/** n_warnings after adding cross-report rows: failed warnings per report. */
export function countWarnings(checks: readonly Pick<CheckRow, 'report_id' | 'severity' | 'status'>[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const c of checks) if (c.severity === 'warning' && c.status === 'fail') n.set(c.report_id, (n.get(c.report_id) ?? 0) + 1);
  return n;
}
