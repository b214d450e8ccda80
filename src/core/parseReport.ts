import type { CheckRow, Diagnostic, DocKind, Format, ParsedReport, ReportRow, SectionRow } from './schema.ts';
import type { SourceDocument, SourceKind } from './document/sourceDocument.ts';
import { reportIdOf } from './hash/sha256.ts';
import { readText } from './read/readText.ts';
import { segmentSections } from './segment/segmentSections.ts';
import { detectFormat } from './detect/detectFormat.ts';
import { detectDocKind } from './detect/detectDocKind.ts';
import { extractTitle, synthesizeTitle } from './metadata/extractTitle.ts';
import { extractOrgan, qualifyOrgan, signatureOrgan } from './metadata/extractOrgan.ts';
import { resolveRegion } from './metadata/resolveRegion.ts';
import { extractReportYear } from './metadata/extractReportYear.ts';
import { extractPublishedDate } from './metadata/extractPublishedDate.ts';
import { organLevel } from './metadata/organLevel.ts';
import { extractTables } from './extract/extractTables.ts';
import { runChecks } from './checks/runChecks.ts';
import { extractFacts } from './facts/extractFacts.ts';
import { warningChecks } from './checks/warningChecks.ts';
import { hasTraditional, loadToSimplified, loadedToSimplified, simplifiedView, type ToSimplified } from './script/traditional.ts';

function emptyReport(reportId: string, sourceFile: string, kind: SourceKind, encoding: string, status: ReportRow['parse_status']): ReportRow {
  return {
    report_id: reportId, source_file: sourceFile, source_kind: kind, title: null, organ: null, organ_level: 'unknown', region_code: null,
    province: null, city: null, county: null, region_status: 'not_found', report_year: null, published_date: null, format: 'none', doc_kind: 'other',
    encoding, n_chars: 0, parse_status: status, n_errors: 0, n_warnings: 0,
  };
}

const looksBinary = (text: string): boolean => {
  if (text.length === 0) return false;
  const sample = text.slice(0, 20000);
  let bad = 0;
  for (const ch of sample) if (ch === '\ufffd') bad++;
  return bad / sample.length > 0.1;
};

export interface ParseOptions {
  /** first 16 hex of the SHA-256 of the file's raw bytes (reportIdOf) */
  reportId: string;
  sourceFile: string;
  /** traditional → simplified converter (loadToSimplified); without it the one already loaded, if any, is used */
  toSimplified?: ToSimplified;
}

/** Traditional script is read through OpenCC, which is loaded here only when the text needs it. */
export async function parseDocumentAsync(doc: SourceDocument, options: ParseOptions): Promise<ParsedReport> {
  const toSimplified = options.toSimplified ?? (hasTraditional(doc.text) ? await loadToSimplified() : undefined);
  return parseDocument(doc, { ...options, ...(toSimplified ? { toSimplified } : {}) });
}

/** parseReport, loading the traditional-script converter first when the text needs it. */
export async function parseReportAsync(bytes: Uint8Array, sourceFile: string): Promise<ParsedReport> {
  let reportId = '';
  try {
    reportId = reportIdOf(bytes);
    return await parseDocumentAsync(readText(bytes, sourceFile), { reportId, sourceFile });
  } catch (err) {
    return failedReport(reportId, sourceFile, 'text', err);
  }
}

/**
 * Parse one text or HTML file: readText, then parseDocument. Never throws: trouble becomes parse_status
 * ('empty' / 'failed' / 'partial') and diagnostics.
 */
export function parseReport(bytes: Uint8Array, sourceFile: string): ParsedReport {
  let reportId = '';
  try {
    reportId = reportIdOf(bytes);
    return parseDocument(readText(bytes, sourceFile), { reportId, sourceFile });
  } catch (err) {
    return failedReport(reportId, sourceFile, 'text', err);
  }
}

/** The report of a file no reader or parser step could handle: the exception becomes a parser_error diagnostic. */
export function failedReport(reportId: string, sourceFile: string, kind: SourceKind, err: unknown): ParsedReport {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    report: emptyReport(reportId, sourceFile, kind, 'unknown', 'failed'), sections: [], cells: [], checks: [], facts: [], text: '',
    diagnostics: [{ severity: 'error', code: 'parser_error', message }],
  };
}

/**
 * Parse a document a reader produced: segment, detect format and kind, read metadata, extract the template tables,
 * run the consistency rules and read numbers from the prose. Never throws.
 */
export function parseDocument(doc: SourceDocument, { reportId, sourceFile, toSimplified }: ParseOptions): ParsedReport {
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  try {
    const original = doc.text;
    const kind = doc.kind;
    // traditional script: every step reads a simplified view of the same length, so offsets point into the original
    let text = original;
    if (hasTraditional(original)) {
      const convert = toSimplified ?? loadedToSimplified();
      if (convert) {
        text = simplifiedView(original, convert);
        diagnostics.push({ severity: 'info', code: 'traditional_script', message: 'traditional script: read through a simplified view (OpenCC); offsets and cells as written' });
      } else {
        diagnostics.push({ severity: 'warning', code: 'script_not_converted', message: 'traditional script found but the converter was not loaded (use parseDocumentAsync); labels may not match' });
      }
    }
    if (text.trim().length === 0) {
      diagnostics.push({ severity: 'error', code: 'empty', message: 'no text in the file' });
      return { report: { ...emptyReport(reportId, sourceFile, kind, doc.encoding, 'empty'), n_chars: text.length }, sections: [], cells: [], checks: [], facts: [], text, diagnostics };
    }
    if (looksBinary(text)) {
      diagnostics.push({ severity: 'error', code: 'not_text', message: `the bytes do not decode as text (${doc.encoding})` });
      return { report: { ...emptyReport(reportId, sourceFile, kind, doc.encoding, 'failed'), n_chars: text.length }, sections: [], cells: [], checks: [], facts: [], text, diagnostics };
    }

    const secs = segmentSections(text);
    const sections: SectionRow[] = secs.map((s, i) => ({ report_id: reportId, ord: i + 1, key: s.key, heading: s.heading, start: s.start, end: s.end }));
    const nCanonical = secs.filter((s) => s.key !== 'unknown').length;
    let format: Format = detectFormat(text);

    const ownTitle = extractTitle(text);
    const docKind: DocKind = detectDocKind(text, nCanonical, ownTitle, format);
    if (docKind === 'other') diagnostics.push({ severity: 'warning', code: 'not_a_report', message: 'not an annual disclosure report (interpretation, partial-year statistics, navigation or other page)' });
    const organAsWritten = extractOrgan(text, ownTitle);
    const level = organLevel(organAsWritten);
    const region = resolveRegion(text, organAsWritten, ownTitle, level, signatureOrgan(text));
    diagnostics.push(...region.diagnostics);
    const organ = qualifyOrgan(organAsWritten, region.county ?? region.city);
    const year = extractReportYear(text, ownTitle, secs);
    let title = ownTitle;
    if (!title) {
      title = synthesizeTitle(organ, year, docKind);
      if (title) diagnostics.push({ severity: 'info', code: 'title_synthesised', message: `no title line; using ${title}` });
    }

    let status: ReportRow['parse_status'] = 'ok';
    let cells: ParsedReport['cells'] = [];
    let checks: CheckRow[] = [];
    let tables: ReturnType<typeof extractTables> | null = null;
    if (format === 'gov_2021' || format === 'gov_2019') {
      tables = extractTables({ text, sections, format, grids: doc.grids, reportId });
      // the template's headers and row labels with not one number under them: a blank form republished, not a report's tables
      if (docKind !== 'annual_report' && !tables.cells.some((c) => c.value !== null || c.state === 'na' || c.flag !== null)) {
        diagnostics.push({ severity: 'warning', code: 'tables_empty', message: `${format} table headers without a single number: format none` });
        format = 'none';
        tables = null;
      }
    }
    // a report on 2008–2018 has no national table; one on a later year without tables has no format (none)
    // (an excerpt of one opens with the old first part, 一、概述)
    if (format === 'none' && year !== null && year <= 2018 && /政府信息公开/.test(text)
      && (docKind === 'annual_report' || /(?:^|\n)\s*一\s*[、.．]\s*概述/.test(text))) format = 'pre_2019';
    if (format === 'pre_2019' && year !== null && year >= 2019 && !/政府信息公开(?:工作)?情况统计表/.test(text)) format = 'none';
    const facts = extractFacts(text, secs, { statTable: format === 'pre_2019' }).map((f) => ({ report_id: reportId, ...f }));
    if (tables && (format === 'gov_2021' || format === 'gov_2019')) {
      const t = tables;
      diagnostics.push(...t.diagnostics);
      cells = t.cells;
      checks = runChecks(cells, format).map((c) => ({ report_id: reportId, ...c }));
      const warnings = warningChecks({ organ, organ_level: level, report_year: year, cells, facts, text });
      checks.push(...warnings.map((c) => ({ report_id: reportId, ...c })));
      const expected = ['applications', 'review_litigation'];
      if (!t.found.some((id) => id.startsWith('active_art20')) || expected.some((id) => !t.found.includes(id))) status = 'partial';
    } else if (docKind === 'annual_report' && nCanonical < 3) {
      status = 'partial';
    }

    const report: ReportRow = {
      report_id: reportId, source_file: sourceFile, source_kind: kind, title, organ, organ_level: level, region_code: region.region_code,
      province: region.province, city: region.city, county: region.county, region_status: region.region_status, report_year: year, published_date: extractPublishedDate(text),
      format, doc_kind: docKind, encoding: doc.encoding, n_chars: text.length, parse_status: status,
      n_errors: checks.filter((c) => c.status === 'fail' && c.severity === 'error').length,
      n_warnings: checks.filter((c) => c.status === 'fail' && c.severity === 'warning').length,
    };
    if (text !== original) asWritten(original, text, sections, cells, facts);
    return { report, sections, cells, checks, facts, text: original, diagnostics };
  } catch (err) {
    diagnostics.push({ severity: 'error', code: 'parser_error', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    return { report: emptyReport(reportId, sourceFile, doc.kind, doc.encoding, 'failed'), sections: [], cells: [], checks: [], facts: [], text: '', diagnostics };
  }
}

/** Strings taken from the simplified view, given back as the original text has them (same offsets, same lengths). */
function asWritten(original: string, view: string, sections: SectionRow[], cells: ParsedReport['cells'], facts: ParsedReport['facts']): void {
  for (const s of sections) if (s.heading) s.heading = original.slice(s.start, s.start + s.heading.length);
  for (const c of cells) {
    if (c.end > c.start) c.raw = original.slice(c.start, c.end);
    if (c.row_label) {
      const at = view.lastIndexOf(c.row_label, c.start);
      if (at >= 0) c.row_label = original.slice(at, at + c.row_label.length);
    }
  }
  for (const f of facts) {
    const at = view.lastIndexOf(f.sentence, f.start);
    if (at >= 0) f.sentence = original.slice(at, at + f.sentence.length);
  }
}
