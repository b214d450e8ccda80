import { countWarnings, crossYearChecks } from '../core/checks/crossYearChecks.ts';
import type { CellRow, CheckRow, ReportRow } from '../core/schema.ts';
import type { FileSummary } from './fileSummary.ts';

/**
 * Runs the cross-report rules (X-YEAR-CARRY) once every file is parsed: appends their rows to `checks` and adds
 * their failures to each report's n_warnings and to its file summary. Returns the number of rows added.
 */
export function applyCrossYearChecks(rows: { reports: ReportRow[]; cells: CellRow[]; checks: CheckRow[] }, files: FileSummary[]): number {
  const carry = new Map<string, CellRow[]>();
  for (const c of rows.cells) {
    if (c.table_id !== 'applications' || (c.row_key !== 'carried_over' && c.row_key !== 'carried_forward')) continue;
    const list = carry.get(c.report_id) ?? [];
    list.push(c);
    carry.set(c.report_id, list);
  }
  const added = crossYearChecks(rows.reports.map((report) => ({ report, cells: carry.get(report.report_id) ?? [] })));
  if (added.length === 0) return 0;
  rows.checks.push(...added);
  const failed = countWarnings(added);
  rows.reports.forEach((r, i) => {
    const n = failed.get(r.report_id);
    if (n) rows.reports[i] = { ...r, n_warnings: r.n_warnings + n };
  });
  for (const f of files) {
    const n = f.report_id ? failed.get(f.report_id) : undefined;
    if (n && (f.status === 'ok' || f.status === 'partial')) {
      f.warnings += n;
      f.checks_failed += n;
    }
  }
  return added.length;
}
