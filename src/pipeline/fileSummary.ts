import type { DiagnosticRow, ParsedReport } from '../core/schema.ts';
import type { PipelineCode } from './extractFile.ts';

export type FileStatus = 'ok' | 'partial' | 'duplicate' | 'skipped' | 'error';

/** One line of the build's per-file report (build-report.json, CLI output). */
export interface FileSummary {
  file: string;
  source_file: string;
  report_id: string | null;
  status: FileStatus;
  /** why the file was not built */
  reason: PipelineCode | null;
  format: string | null;
  doc_kind: string | null;
  report_year: number | null;
  parse_status: string | null;
  cells: number;
  /** cells left uncertain (cells.flag set) */
  flagged_cells: Record<string, number>;
  /** tables kept with rows missing */
  partial_tables: number;
  checks_failed: number;
  /** failed error-level checks plus error diagnostics */
  errors: number;
  /** failed warning-level checks plus warning diagnostics */
  warnings: number;
  diagnostics: DiagnosticRow[];
}

export function fileSummary(
  file: string,
  source_file: string,
  report_id: string | null,
  status: FileStatus,
  reason: PipelineCode | null,
  parsed: ParsedReport | null,
  diagnostics: DiagnosticRow[],
): FileSummary {
  const r = parsed?.report;
  const count = (severity: DiagnosticRow['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    file,
    source_file,
    report_id,
    status,
    reason,
    format: r?.format ?? null,
    doc_kind: r?.doc_kind ?? null,
    report_year: r?.report_year ?? null,
    parse_status: r?.parse_status ?? null,
    cells: parsed?.cells.length ?? 0,
    flagged_cells: flagCounts(parsed),
    partial_tables: parsed?.diagnostics.filter((d) => d.code === 'table_partial').length ?? 0,
    checks_failed: parsed?.checks.filter((c) => c.status === 'fail').length ?? 0,
    errors: (r?.n_errors ?? 0) + count('error'),
    warnings: (r?.n_warnings ?? 0) + count('warning'),
    diagnostics,
  };
}

function flagCounts(parsed: ParsedReport | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of parsed?.cells ?? []) if (c.flag) out[c.flag] = (out[c.flag] ?? 0) + 1;
  return out;
}
