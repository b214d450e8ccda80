import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { labelRows } from '../core/index.ts';
import { TABLES, TABLE_NAMES, type DiagnosticRow, type LabelRow, type ParsedReport, type RowOf, type TableName } from '../core/schema.ts';
import { describeDataset } from './describeDataset.ts';
import type { Manifest, ManifestTable } from '../core/manifest.ts';

export type { Manifest, ManifestTable };
import { applyCrossYearChecks } from './applyCrossYearChecks.ts';
import { extractFile, PIPELINE_CODES, type ParseReport, type PipelineCode } from './extractFile.ts';
import { fileSummary, type FileSummary } from './fileSummary.ts';
import { listInputFiles, type InputFile } from './listInputFiles.ts';
import { navigationOnly } from './navigationOnly.ts';
import { silentLogger, type Logger } from './logger.ts';
import { openDuckDB } from './openDuckDB.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';
import { writeParquet } from './writeParquet.ts';
import { FILES_DIR, writeSourceFile } from './writeSourceFile.ts';

export interface BuildDataOptions {
  /** directories (walked one level deep) or files */
  inputs: readonly string[];
  outDir: string;
  logger?: Logger;
  /** summary.ok is false when any file had errors or warnings */
  strict?: boolean;
  parse?: ParseReport;
  labels?: () => LabelRow[];
  now?: () => Date;
  /** called after each file, e.g. for a progress bar */
  onFile?: (file: FileSummary, done: number, total: number) => void;
  description?: { zh: string; en: string };
}

export interface BuildSummary {
  ok: boolean;
  out_dir: string;
  built_at: string;
  elapsed_ms: number;
  n_files: number;
  n_reports: number;
  n_skipped: number;
  /** files with errors / with warnings */
  n_files_with_errors: number;
  n_files_with_warnings: number;
  /** per diagnostic code: how many files have it, and how many rows */
  codes: CodeCount[];
  files: FileSummary[];
  manifest: Manifest;
}

export interface CodeCount {
  severity: DiagnosticRow['severity'];
  code: string;
  files: number;
  rows: number;
}

type Rows = { [K in TableName]: RowOf[K][] };

/** Builds `<outDir>/<table>.parquet`, `build-report.json` and, last, `manifest.json` from the input reports. */
export async function buildData(options: BuildDataOptions): Promise<BuildSummary> {
  const { inputs, outDir, logger = silentLogger, strict = false, parse, labels = labelRows } = options;
  const started = performance.now();
  const builtAt = (options.now?.() ?? new Date()).toISOString();
  const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, []])) as unknown as Rows;
  rows.labels = labels();

  // the PDFs of the last build's reports go; this build's are copied as their reports are kept
  await rm(join(outDir, FILES_DIR), { recursive: true, force: true });
  const candidates = await listInputFiles(inputs);
  const files: FileSummary[] = [];
  const kept = new Map<string, string>();
  for (const candidate of candidates) {
    const summary = await collectFile(candidate, parse, kept, rows, outDir);
    files.push(summary);
    rows.diagnostics.push(...summary.diagnostics);
    for (const d of summary.diagnostics)
      if (d.severity !== 'info' && isPipelineCode(d.code)) logger[d.severity === 'error' ? 'error' : 'warn'](`${summary.file}: ${d.message}`);
    options.onFile?.(summary, files.length, candidates.length);
  }

  // X-YEAR-CARRY compares an organ's report with its previous year's, so it waits for every file
  applyCrossYearChecks(rows, files);

  await mkdir(outDir, { recursive: true });
  const tables = await writeTables(rows, outDir, logger);
  const n_skipped = files.filter((f) => f.status !== 'ok' && f.status !== 'partial').length;
  const manifest: Manifest = {
    version: 1,
    built_at: builtAt,
    dataset: describeDataset(rows.reports, files.length, n_skipped, options.description, files),
    tables,
  };
  const n_files_with_errors = files.filter((f) => f.errors > 0).length;
  const n_files_with_warnings = files.filter((f) => f.warnings > 0).length;
  const summary: BuildSummary = {
    ok: !strict || (n_files_with_errors === 0 && n_files_with_warnings === 0),
    out_dir: outDir,
    built_at: builtAt,
    elapsed_ms: Math.round(performance.now() - started),
    n_files: files.length,
    n_reports: rows.reports.length,
    n_skipped,
    n_files_with_errors,
    n_files_with_warnings,
    codes: countCodes(files),
    files,
    manifest,
  };
  const { manifest: _, ...report } = summary;
  await writeFileAtomic(join(outDir, 'build-report.json'), `${JSON.stringify({ version: 1, inputs, ...report }, null, 2)}\n`);
  // Written last: a manifest on disk means every file it lists is complete.
  await writeFileAtomic(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return summary;
}

/** Files that are not reports (rather than files the build failed on). */
const SKIPPED: ReadonlySet<PipelineCode> = new Set(['empty_file', 'binary', 'no_text_layer', 'needs_conversion']);

const isPipelineCode = (code: string): code is PipelineCode => (PIPELINE_CODES as readonly string[]).includes(code);

/** Reads and parses one candidate, adds its rows unless it is skipped, and says what happened. */
async function collectFile(candidate: InputFile, parse: ParseReport | undefined, kept: Map<string, string>, rows: Rows, outDir: string): Promise<FileSummary> {
  const { path, problem } = candidate;
  if (problem) {
    const source_file = basename(path);
    const diag: DiagnosticRow = { source_file, report_id: null, severity: 'error', code: problem.code, message: problem.message };
    return fileSummary(path, source_file, null, 'error', problem.code, null, [diag]);
  }
  const extracted = await extractFile(path, parse);
  const { source_file, parsed } = extracted;
  if (!parsed) {
    const reason = (extracted.diagnostics.find((d) => d.severity !== 'info')?.code ?? 'parse_failed') as PipelineCode;
    return fileSummary(path, source_file, extracted.report_id, SKIPPED.has(reason) ? 'skipped' : 'error', reason, null, extracted.diagnostics);
  }
  const id = parsed.report.report_id;
  const own = (severity: DiagnosticRow['severity'], code: PipelineCode, message: string): DiagnosticRow =>
    ({ source_file, report_id: id, severity, code, message });
  const first = kept.get(id);
  if (first !== undefined) {
    // The parser's findings are already recorded under the first file's name.
    const duplicate = own('warning', 'duplicate', `same bytes as ${basename(first)} (report ${id}); kept the first`);
    const named = extracted.diagnostics.filter((d) => d.code === 'file_name');
    return fileSummary(path, source_file, id, 'duplicate', 'duplicate', null, [duplicate, ...named]);
  }
  const diagnostics = [...parsed.diagnostics.map((d) => ({ ...d, source_file, report_id: id })), ...extracted.diagnostics];
  const status = parsed.report.parse_status;
  if (status === 'failed' || status === 'empty') {
    const why = parsed.diagnostics.find((d) => d.severity !== 'info')?.message;
    diagnostics.push(own('warning', 'no_content', `parse_status ${status}; no report built${why ? ` (${why})` : ''}`));
    return fileSummary(path, source_file, id, 'skipped', 'no_content', parsed, diagnostics);
  }
  const nav = navigationOnly(parsed);
  if (nav) {
    diagnostics.push(own('warning', 'navigation_only', `only site navigation (${nav.navLines} menu, breadcrumb or footer lines, ${nav.contentChars} characters of other text); no report built`));
    return fileSummary(path, source_file, id, 'skipped', 'navigation_only', parsed, diagnostics);
  }
  kept.set(id, path);
  addReport(rows, parsed);
  if (parsed.layout) await writeSourceFile(outDir, id, path, parsed.layout);
  return fileSummary(path, source_file, id, status === 'ok' ? 'ok' : 'partial', null, parsed, diagnostics);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function countCodes(files: readonly FileSummary[]): CodeCount[] {
  const byKey = new Map<string, CodeCount>();
  for (const f of files) {
    const seen = new Set<string>();
    for (const d of f.diagnostics) {
      const key = `${d.severity}\0${d.code}`;
      const c = byKey.get(key) ?? { severity: d.severity, code: d.code, files: 0, rows: 0 };
      c.rows++;
      if (!seen.has(key)) c.files++;
      seen.add(key);
      byKey.set(key, c);
    }
  }
  return [...byKey.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.files - a.files || a.code.localeCompare(b.code));
}

function addReport(rows: Rows, parsed: ParsedReport): void {
  const id = parsed.report.report_id;
  rows.reports.push(parsed.report);
  rows.sections.push(...parsed.sections);
  rows.cells.push(...parsed.cells);
  rows.checks.push(...parsed.checks);
  rows.facts.push(...parsed.facts);
  rows.texts.push({ report_id: id, text: parsed.text });
}

async function writeTables(rows: Rows, outDir: string, logger: Logger): Promise<ManifestTable[]> {
  const db = await openDuckDB();
  try {
    const out: ManifestTable[] = [];
    for (const def of TABLES) {
      const file = `${def.name}.parquet`;
      const written = await writeParquet(db.connection, def, rows[def.name], join(outDir, file));
      if (written.coerced > 0) logger.warn(`${file}: ${written.coerced} values did not fit their column type and were written as NULL`);
      out.push({
        name: def.name,
        file,
        rows: written.rows,
        bytes: written.bytes,
        eager: def.eager,
        columns: def.columns.map((c) => ({ name: c.name, type: c.type })),
      });
    }
    return out;
  } finally {
    db.close();
  }
}
