import { basename } from 'node:path';
import type { DiagnosticRow, ParsedReport } from '../core/schema.ts';
import { extractFile, type ParseReport, type PipelineCode } from './extractFile.ts';
import { fileSummary, type FileSummary } from './fileSummary.ts';
import type { InputFile } from './listInputFiles.ts';
import { navigationOnly } from './navigationOnly.ts';
import { writeSourceFile } from './writeSourceFile.ts';

/** Files that are not reports (rather than files the build failed on). */
const SKIPPED: ReadonlySet<PipelineCode> = new Set(['empty_file', 'binary', 'no_text_layer', 'needs_conversion']);

export interface CollectedFile {
  summary: FileSummary;
  /** the report to add, when the file is one (a later file with the same bytes is made a duplicate by the merge) */
  report: ParsedReport | null;
}

/**
 * Reads and parses one candidate and says what happened; never throws for a bad file. A PDF kept as a report is
 * copied with its layout under `outDir`/files/ for the reader (a duplicate writes the same file: same report id).
 */
export async function collectFile(candidate: InputFile, parse: ParseReport | undefined, outDir?: string): Promise<CollectedFile> {
  const { path, problem } = candidate;
  if (problem) {
    const source_file = basename(path);
    const diag: DiagnosticRow = { source_file, report_id: null, severity: 'error', code: problem.code, message: problem.message };
    return { summary: fileSummary(path, source_file, null, 'error', problem.code, null, [diag]), report: null };
  }
  const extracted = await extractFile(path, parse);
  const { source_file, parsed } = extracted;
  if (!parsed) {
    const reason = (extracted.diagnostics.find((d) => d.severity !== 'info')?.code ?? 'parse_failed') as PipelineCode;
    const status = SKIPPED.has(reason) ? 'skipped' : 'error';
    return { summary: fileSummary(path, source_file, extracted.report_id, status, reason, null, extracted.diagnostics), report: null };
  }
  const id = parsed.report.report_id;
  const own = (severity: DiagnosticRow['severity'], code: PipelineCode, message: string): DiagnosticRow =>
    ({ source_file, report_id: id, severity, code, message });
  const diagnostics = [...parsed.diagnostics.map((d) => ({ ...d, source_file, report_id: id })), ...extracted.diagnostics];
  const status = parsed.report.parse_status;
  if (status === 'failed' || status === 'empty') {
    const why = parsed.diagnostics.find((d) => d.severity !== 'info')?.message;
    diagnostics.push(own('warning', 'no_content', `parse_status ${status}; no report built${why ? ` (${why})` : ''}`));
    return { summary: fileSummary(path, source_file, id, 'skipped', 'no_content', parsed, diagnostics), report: null };
  }
  const nav = navigationOnly(parsed);
  if (nav) {
    diagnostics.push(own('warning', 'navigation_only', `only site navigation (${nav.navLines} menu, breadcrumb or footer lines, ${nav.contentChars} characters of other text); no report built`));
    return { summary: fileSummary(path, source_file, id, 'skipped', 'navigation_only', parsed, diagnostics), report: null };
  }
  if (outDir && parsed.layout) await writeSourceFile(outDir, id, path, parsed.layout);
  return { summary: fileSummary(path, source_file, id, status === 'ok' ? 'ok' : 'partial', null, parsed, diagnostics), report: parsed };
}
