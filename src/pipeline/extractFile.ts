import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sniffBinary } from '../core/decode/sniffBinary.ts';
import { CONVERT_COMMAND, documentKind } from '../core/read/readDocument.ts';
import type { DiagnosticRow, ParsedReport } from '../core/schema.ts';
import { inspectPdf } from './inspectPdf.ts';
import { parseFile } from './parseFile.ts';
import { readFileHead } from './readFileHead.ts';

/** One file's bytes → its report: parseFile (every reader) by default; tests pass their own. */
export type ParseReport = (bytes: Uint8Array, sourceFile: string) => ParsedReport | Promise<ParsedReport>;

/** Diagnostic codes the pipeline itself raises (the parser has its own). */
export const PIPELINE_CODES = [
  'unreadable', 'not_a_file', 'empty_file', 'parse_failed', 'duplicate', 'no_content', 'report_id_mismatch',
  'binary', 'no_text_layer', 'large_file', 'navigation_only', 'file_name',
  'needs_conversion', 'pdf_unreadable', 'docx_unreadable',
] as const;
export type PipelineCode = (typeof PIPELINE_CODES)[number];

/**
 * Only this much of a file is parsed. A report is < 200k characters (< 1 MiB even as UTF-16 or an HTML page);
 * beyond this a file is something else with a report at its start at best. Measured: a 20 MiB file builds in
 * ≈0.3 s with this cap (see tests/hostile).
 */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/**
 * PDF and Word files are read whole (their index is at the end) up to this size; a report PDF is < 10 MB even with
 * pictures, and pdf.js keeps only one page's objects at a time.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Reader findings that mean "no document": the file is reported under that code and skipped. */
const READER_SKIPS = new Set(['no_text_layer', 'pdf_unreadable', 'docx_unreadable', 'needs_conversion']);

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
 * Reads and parses one file; every failure becomes a diagnostic, never an exception. PDF and Word files are read
 * whole by their readers; legacy Office/WPS files and OFD are reported with the conversion to run; other binary
 * files (images, archives) are recognised by their bytes and not parsed; of a large text only the first `maxBytes`.
 */
export async function extractFile(path: string, parse: ParseReport = parseFile, maxBytes = MAX_PARSE_BYTES): Promise<ExtractedFile> {
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
  if (binary?.kind === 'ole')
    return skip('needs_conversion', `${binary.label}: a legacy Word, Excel or WPS file; convert it to .docx first (\`${CONVERT_COMMAND} FILE\`) and add the converted file`);
  let whole = bytes;
  if (binary?.kind === 'pdf' || binary?.kind === 'zip') {
    if (size > MAX_DOCUMENT_BYTES) return skip('large_file', `${binary.label} of ${MiB(size)}: over the ${MiB(MAX_DOCUMENT_BYTES)} read for PDF and Word files; not read`);
    if (size > bytes.length) {
      try {
        whole = new Uint8Array(await readFile(path));
      } catch (error) {
        return { ...base, parsed: null, diagnostics: [diag('error', 'unreadable', messageOf(error), report_id), ...named] };
      }
    }
  }
  if (binary?.kind === 'zip') {
    const kind = documentKind(whole);
    if (kind === 'ofd') return skip('needs_conversion', 'an OFD document (the Chinese fixed-layout format): export it as PDF with an OFD reader (数科阅读器, 福昕 OFD) and add the PDF');
    if (kind !== 'docx') return skip('binary', `${binary.label}, not text (${size} bytes); not a Word document (no word/document.xml could be read)`);
  } else if (binary && binary.kind !== 'pdf') {
    return skip('binary', `${binary.label}, not text (${size} bytes)`);
  }
  const isDocument = binary !== null;
  let parsed: ParsedReport;
  try {
    parsed = await parse(isDocument ? whole : bytes, source_file);
    if (typeof parsed?.report?.report_id !== 'string') throw new Error('parser returned no report');
  } catch (error) {
    return { ...base, parsed: null, diagnostics: [diag('error', 'parse_failed', `parser threw: ${messageOf(error)}`, report_id), ...named] };
  }
  const refused = isDocument && parsed.report.n_chars === 0 ? parsed.diagnostics.find((d) => READER_SKIPS.has(d.code)) : undefined;
  if (refused?.code === 'no_text_layer' && binary?.kind === 'pdf') {
    const pdf = inspectPdf(whole);
    return skip('no_text_layer', `PDF of ${pdf.pages} page${pdf.pages === 1 ? '' : 's'} with ${pdf.images} image${pdf.images === 1 ? '' : 's'} and no text layer (a scan): there is no text to read without OCR`);
  }
  if (refused) return { ...base, parsed: null, diagnostics: [diag(refused.severity, refused.code as PipelineCode, refused.message, report_id), ...named] };
  const diagnostics: DiagnosticRow[] = [...named];
  if (!isDocument && size > bytes.length) {
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
