import type { DatasetInfo } from '../core/manifest.ts';
import { CELL_FLAGS, type DocKind, type Format } from '../core/schema.ts';

export type { DatasetInfo };

const FORMATS: readonly Format[] = ['gov_2021', 'gov_2019', 'pre_2019', 'none'];
const DOC_KINDS: readonly DocKind[] = ['annual_report', 'work_summary', 'other'];

/** Reports per value; counted in SQL by the build. */
export interface ReportCounts {
  n_reports: number;
  formats: Record<string, number>;
  doc_kinds: Record<string, number>;
  /** report year (or "unknown") → reports */
  years: Record<string, number>;
  /** cells left uncertain, per cells.flag */
  flagged_cells?: Record<string, number>;
  /** tables kept with rows missing (table_partial diagnostics) */
  partial_tables?: number;
}

/** Known keys are always present (zero counts too) so the first screen can lay out a stable legend. */
const withKnown = (counts: Record<string, number>, known: readonly string[]) => ({ ...Object.fromEntries(known.map((k) => [k, 0])), ...counts });

/** The dataset block of manifest.json, enough for the UI's first screen before DuckDB is ready. */
export function describeDataset(
  counts: ReportCounts,
  n_files: number,
  n_skipped: number,
  description?: { zh: string; en: string },
): DatasetInfo {
  const years = Object.keys(counts.years).filter((y) => y !== 'unknown').map(Number);
  const span = years.length === 0 ? null : [Math.min(...years), Math.max(...years)];
  const spanText = span === null ? '' : span[0] === span[1] ? `${span[0]}` : `${span[0]}–${span[1]}`;
  const n = counts.n_reports;
  const flagged: Record<string, number> = { ...Object.fromEntries(CELL_FLAGS.map((f) => [f, 0])), ...counts.flagged_cells };
  const nFlagged = Object.values(flagged).reduce((a, b) => a + b, 0);
  const partial = counts.partial_tables ?? 0;
  return {
    description_zh:
      description?.zh ??
      `${n} 份政府信息公开工作年度报告${spanText ? `（${spanText} 年度）` : ''}，解析自 ${n_files} 个源文件${n_skipped ? `，跳过 ${n_skipped} 个` : ''}。` +
        `${nFlagged || partial ? `存疑单元格 ${nFlagged} 个，不完整的表 ${partial} 张。` : ''}`,
    description_en:
      description?.en ??
      `${n} government information disclosure annual report${n === 1 ? '' : 's'}` +
        `${spanText ? ` (report years ${spanText})` : ''}, parsed from ${n_files} source file${n_files === 1 ? '' : 's'}` +
        `${n_skipped ? `, ${n_skipped} skipped` : ''}.` +
        `${nFlagged || partial ? ` ${nFlagged} uncertain (flagged) cell${nFlagged === 1 ? '' : 's'}, ${partial} partial table${partial === 1 ? '' : 's'}.` : ''}`,
    n_reports: n,
    n_files,
    n_skipped,
    formats: withKnown(counts.formats, FORMATS),
    doc_kinds: withKnown(counts.doc_kinds, DOC_KINDS),
    years: Object.fromEntries(Object.entries(counts.years).sort(([a], [b]) => a.localeCompare(b))),
    flagged_cells: flagged,
    partial_tables: partial,
  };
}
