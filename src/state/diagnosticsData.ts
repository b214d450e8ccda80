// The `diagnostics` table's rows as the build diagnostics view shows them: totals per code, one entry per file.
import { SEVERITIES, type Severity } from '../sql/diagnosticsSql.ts';

export { SEVERITIES, type DiagnosticsFilter, type Severity } from '../sql/diagnosticsSql.ts';

export interface CodeCount { severity: Severity; code: string; files: number }

export interface DiagnosticTotals {
  /** files with at least one diagnostic */
  files: number;
  /** files with an error or a warning */
  problems: number;
  codes: CodeCount[];
}

export interface FileDiagnostics {
  source_file: string;
  worst: Severity;
  /** the report built from this file (for a duplicate: the kept copy); null when none */
  report_id: string | null;
  title: string | null;
  items: { severity: Severity; code: string; message: string }[];
}

export function toTotals(rows: { severity: string; code: string; files: number }[]): DiagnosticTotals {
  const rank = (s: string) => SEVERITIES.indexOf(s as Severity);
  return {
    files: rows.find((r) => r.severity === 'file')?.files ?? 0,
    problems: rows.find((r) => r.severity === 'problem')?.files ?? 0,
    codes: rows
      .filter((r) => rank(r.severity) >= 0)
      .map((r) => ({ severity: r.severity as Severity, code: r.code, files: r.files }))
      .sort((a, b) => rank(a.severity) - rank(b.severity) || b.files - a.files || a.code.localeCompare(b.code)),
  };
}

/** Rows (ordered by file) → one entry per file. */
export function toFiles(rows: { source_file: string; severity: string; code: string; message: string | null; report_id: string | null; title: string | null }[]): FileDiagnostics[] {
  const out: FileDiagnostics[] = [];
  for (const r of rows) {
    let f = out.at(-1);
    if (!f || f.source_file !== r.source_file) {
      f = { source_file: r.source_file, worst: r.severity as Severity, report_id: null, title: null, items: [] };
      out.push(f);
    }
    f.items.push({ severity: r.severity as Severity, code: r.code, message: r.message ?? '' });
    if (SEVERITIES.indexOf(r.severity as Severity) < SEVERITIES.indexOf(f.worst)) f.worst = r.severity as Severity;
    if (r.report_id && !f.report_id) {
      f.report_id = r.report_id;
      f.title = r.title;
    }
  }
  return out;
}
