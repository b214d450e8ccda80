import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DiagnosticRow, ParsedReport } from '../core/schema.ts';

export type ParseReport = (bytes: Uint8Array, sourceFile: string) => ParsedReport;

/** Diagnostic codes the pipeline itself raises (the parser has its own). */
export const PIPELINE_CODES = ['unreadable', 'not_a_file', 'empty_file', 'parse_failed', 'duplicate', 'no_content', 'report_id_mismatch'] as const;
export type PipelineCode = (typeof PIPELINE_CODES)[number];

export interface ExtractedFile {
  path: string;
  source_file: string;
  /** first 16 hex of SHA-256 of the raw bytes; null when the file could not be read */
  report_id: string | null;
  size: number | null;
  parsed: ParsedReport | null;
  /** the pipeline's own findings (the parser's are in parsed.diagnostics) */
  diagnostics: DiagnosticRow[];
}

export const reportIdOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads and parses one file; every failure becomes a diagnostic, never an exception. */
export async function extractFile(path: string, parse: ParseReport): Promise<ExtractedFile> {
  const source_file = basename(path);
  const diag = (severity: DiagnosticRow['severity'], code: PipelineCode, message: string, report_id: string | null): DiagnosticRow =>
    ({ source_file, report_id, severity, code, message });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { path, source_file, report_id: null, size: null, parsed: null, diagnostics: [diag('error', 'unreadable', messageOf(error), null)] };
  }
  const report_id = reportIdOf(bytes);
  const base = { path, source_file, report_id, size: bytes.length };
  if (bytes.length === 0) return { ...base, parsed: null, diagnostics: [diag('warning', 'empty_file', `${source_file} is empty`, report_id)] };
  let parsed: ParsedReport;
  try {
    parsed = parse(bytes, source_file);
    if (typeof parsed?.report?.report_id !== 'string') throw new Error('parser returned no report');
  } catch (error) {
    return { ...base, parsed: null, diagnostics: [diag('error', 'parse_failed', `parser threw: ${messageOf(error)}`, report_id)] };
  }
  const diagnostics: DiagnosticRow[] = [];
  if (parsed.report.report_id !== report_id)
    diagnostics.push(diag('warning', 'report_id_mismatch', `parser gave report_id ${parsed.report.report_id}, bytes hash to ${report_id}`, report_id));
  return { ...base, parsed, diagnostics };
}
