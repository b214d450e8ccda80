import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { sniffBinary } from '../core/decode/sniffBinary.ts';
import type { DiagnosticRow, ParsedReport } from '../core/schema.ts';
import { inspectPdf } from './inspectPdf.ts';
import { readFileHead } from './readFileHead.ts';

export type ParseReport = (bytes: Uint8Array, sourceFile: string) => ParsedReport | Promise<ParsedReport>;

/** Diagnostic codes the pipeline itself raises (the parser has its own). */
export const PIPELINE_CODES = [
  'unreadable', 'not_a_file', 'empty_file', 'parse_failed', 'duplicate', 'no_content', 'report_id_mismatch',
  'binary', 'no_text_layer', 'pdf_unsupported', 'large_file', 'navigation_only', 'file_name',
] as const;
export type PipelineCode = (typeof PIPELINE_CODES)[number];

/**
 * Only this much of a file is parsed. A report is < 200k characters (< 1 MiB even as UTF-16 or an HTML page);
 * beyond this a file is something else with a report at its start at best. Measured: a 20 MiB file builds in
 * ≈0.3 s with this cap (see tests/hostile).
 */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
/** Characters that mean something in HTML or a shell; such a name is shown as text, but say so. */
const UNSAFE_NAME = /[<>"'&`\u0000-\u001f\u007f]/;

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

/**
 * Reads and parses one file; every failure becomes a diagnostic, never an exception. Binary files (images,
 * archives, PDFs) are recognised by their bytes and not parsed; of a large file only the first `maxBytes` are.
 */
export async function extractFile(path: string, parse: ParseReport, maxBytes = MAX_PARSE_BYTES): Promise<ExtractedFile> {
  const source_file = basename(path);
  const diag = (severity: DiagnosticRow['severity'], code: PipelineCode, message: string, report_id: string | null): DiagnosticRow =>
    ({ source_file, report_id, severity, code, message });
  const named = UNSAFE_NAME.test(source_file)
    ? [diag('info', 'file_name', 'the file name contains markup or shell characters (< > " \' & ` or control characters); it is shown as text', null)]
    : [];
  let file;
  try {
    file = await readFileHead(path, maxBytes);
  } catch (error) {
    return { path, source_file, report_id: null, size: null, parsed: null, diagnostics: [diag('error', 'unreadable', messageOf(error), null), ...named] };
  }
  const { head: bytes, size, report_id } = file;
  for (const d of named) d.report_id = report_id;
  const base = { path, source_file, report_id, size };
  const skip = (code: PipelineCode, message: string): ExtractedFile => ({ ...base, parsed: null, diagnostics: [diag('warning', code, message, report_id), ...named] });
  if (size === 0) return skip('empty_file', `${source_file} is empty`);
  const binary = sniffBinary(bytes);
  if (binary?.kind === 'pdf') {
    const pdf = inspectPdf(bytes);
    // of a PDF larger than the head, only the head was looked at
    const part = size > bytes.length ? ` in its first ${MiB(bytes.length)} (of ${MiB(size)})` : '';
    const what = `PDF of ${pdf.pages} page${pdf.pages === 1 ? '' : 's'} with ${pdf.images} image${pdf.images === 1 ? '' : 's'}${part}`;
    return pdf.hasText
      ? skip('pdf_unsupported', `${what} and a text layer: PDF text is not extracted by this build; convert it to text first (e.g. pdftotext -layout)`)
      : skip('no_text_layer', `${what} and no text layer (a scan): there is no text to read without OCR`);
  }
  if (binary) {
    const hint = binary.kind === 'zip' || binary.kind === 'ole' ? '; save Word documents as .txt or .html to include them' : '';
    return skip('binary', `${binary.label}, not text (${size} bytes)${hint}`);
  }
  let parsed: ParsedReport;
  try {
    parsed = await parse(bytes, source_file);
    if (typeof parsed?.report?.report_id !== 'string') throw new Error('parser returned no report');
  } catch (error) {
    return { ...base, parsed: null, diagnostics: [diag('error', 'parse_failed', `parser threw: ${messageOf(error)}`, report_id), ...named] };
  }
  const diagnostics: DiagnosticRow[] = [...named];
  if (size > bytes.length) {
    // the parser hashed the head only; the report is named after the whole file
    parsed = withReportId(parsed, report_id);
    diagnostics.push(diag('warning', 'large_file', `${MiB(size)} file: only the first ${MiB(bytes.length)} were parsed, the rest was ignored`, report_id));
  } else if (parsed.report.report_id !== report_id) {
    diagnostics.push(diag('warning', 'report_id_mismatch', `parser gave report_id ${parsed.report.report_id}, bytes hash to ${report_id}`, report_id));
  }
  return { ...base, parsed, diagnostics };
}

function withReportId(p: ParsedReport, report_id: string): ParsedReport {
  const re = <T extends { report_id: string }>(rows: T[]): T[] => rows.map((r) => ({ ...r, report_id }));
  return { ...p, report: { ...p.report, report_id }, sections: re(p.sections), cells: re(p.cells), checks: re(p.checks), facts: re(p.facts) };
}
