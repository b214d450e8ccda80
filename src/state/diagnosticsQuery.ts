import { quote } from './catalogQuery.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Which files to list: all, those with an error or warning, those with one severity; optionally one code. */
export interface DiagnosticsFilter {
  show: 'all' | 'problems' | Severity;
  code: string | null;
}

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

const RANK = `CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

export const DIAGNOSTIC_TOTALS_SQL = `
SELECT 'file' AS severity, '' AS code, count(DISTINCT source_file) AS files FROM diagnostics
UNION ALL SELECT 'problem', '', count(DISTINCT source_file) FROM diagnostics WHERE severity IN ('error', 'warning')
UNION ALL SELECT severity, code, count(DISTINCT source_file) FROM diagnostics GROUP BY severity, code`;

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

/**
 * Every diagnostic of the files the filter picks (a file with a warning is shown with its info lines too), worst
 * files first, each file's rows together; the report built from the file when there is one.
 */
export function diagnosticsSql(filter: DiagnosticsFilter, limit: number): string {
  const match: string[] = [];
  if (filter.show === 'problems') match.push(`severity IN ('error', 'warning')`);
  else if (filter.show !== 'all') match.push(`severity = ${quote(filter.show)}`);
  if (filter.code) match.push(`code = ${quote(filter.code)}`);
  return `
WITH d AS (SELECT source_file, report_id, severity, code, message, ${RANK} AS rank FROM diagnostics),
f AS (SELECT source_file, min(rank) AS worst FROM d GROUP BY source_file${match.length ? ` HAVING bool_or(${match.join(' AND ')})` : ''})
SELECT d.source_file, d.severity, d.code, d.message, r.report_id, r.title
FROM d JOIN f USING (source_file) LEFT JOIN reports r ON r.report_id = d.report_id
ORDER BY f.worst, d.source_file, d.rank, d.code, d.message
LIMIT ${limit}`;
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
