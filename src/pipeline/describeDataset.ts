import type { DatasetInfo } from '../core/manifest.ts';
import { CELL_FLAGS, type DocKind, type Format, type ReportRow } from '../core/schema.ts';

export type { DatasetInfo };

const FORMATS: readonly Format[] = ['gov_2021', 'gov_2019', 'pre_2019', 'none'];
const DOC_KINDS: readonly DocKind[] = ['annual_report', 'work_summary', 'other'];

/** Known keys are always present (zero counts too) so the first screen can lay out a stable legend. */
function countBy(values: readonly string[], known: readonly string[] = []): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** The dataset block of manifest.json, enough for the UI's first screen before DuckDB is ready. */
export function describeDataset(
  reports: readonly ReportRow[],
  n_files: number,
  n_skipped: number,
  description?: { zh: string; en: string },
  quality: readonly { flagged_cells?: Record<string, number>; partial_tables?: number }[] = [],
): DatasetInfo {
  const flagged: Record<string, number> = Object.fromEntries(CELL_FLAGS.map((f) => [f, 0]));
  let partial = 0;
  for (const q of quality) {
    for (const [k, n] of Object.entries(q.flagged_cells ?? {})) flagged[k] = (flagged[k] ?? 0) + n;
    partial += q.partial_tables ?? 0;
  }
  const nFlagged = Object.values(flagged).reduce((a, b) => a + b, 0);
  const years = reports.map((r) => r.report_year).filter((y): y is number => typeof y === 'number');
  const span = years.length === 0 ? null : [Math.min(...years), Math.max(...years)];
  const spanText = span === null ? '' : span[0] === span[1] ? `${span[0]}` : `${span[0]}–${span[1]}`;
  const yearCounts = countBy(reports.map((r) => (typeof r.report_year === 'number' ? String(r.report_year) : 'unknown')));
  return {
    description_zh:
      description?.zh ??
      `${reports.length} 份政府信息公开工作年度报告${spanText ? `（${spanText} 年度）` : ''}，解析自 ${n_files} 个源文件${n_skipped ? `，跳过 ${n_skipped} 个` : ''}。` +
        `${nFlagged || partial ? `存疑单元格 ${nFlagged} 个，不完整的表 ${partial} 张。` : ''}`,
    description_en:
      description?.en ??
      `${reports.length} government information disclosure annual report${reports.length === 1 ? '' : 's'}` +
        `${spanText ? ` (report years ${spanText})` : ''}, parsed from ${n_files} source file${n_files === 1 ? '' : 's'}` +
        `${n_skipped ? `, ${n_skipped} skipped` : ''}.` +
        `${nFlagged || partial ? ` ${nFlagged} uncertain (flagged) cell${nFlagged === 1 ? '' : 's'}, ${partial} partial table${partial === 1 ? '' : 's'}.` : ''}`,
    n_reports: reports.length,
    n_files,
    n_skipped,
    formats: countBy(reports.map((r) => r.format), FORMATS),
    doc_kinds: countBy(reports.map((r) => r.doc_kind), DOC_KINDS),
    years: Object.fromEntries(Object.entries(yearCounts).sort(([a], [b]) => a.localeCompare(b))),
    flagged_cells: flagged,
    partial_tables: partial,
  };
}
