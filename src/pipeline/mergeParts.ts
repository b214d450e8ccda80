import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest, ManifestTable } from '../core/manifest.ts';
import { TABLES, tableDef, type DiagnosticRow, type LabelRow, type TableName } from '../core/schema.ts';
import { appendRows } from './appendRows.ts';
import { createTableSql } from './createContractTables.ts';
import { applyCrossYearChecks } from './applyCrossYearChecks.ts';
import type { Coerced } from './buildPart.ts';
import { describeDataset, type ReportCounts } from './describeDataset.ts';
import type { FileSummary } from './fileSummary.ts';
import type { Logger } from './logger.ts';
import { PART_TABLE_NAMES, contractColumns, type PartTableName, type ReportTable } from './partTables.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';
import { writeBuildReport } from './writeBuildReport.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';
import { writeOutputs } from './writeLayout.ts';

/** Where the collected rows are: part databases of worker threads, or shard folders (Parquet) of other runs. */
export type PartSource = { kind: 'duckdb'; path: string } | { kind: 'shard'; dir: string };

export interface MergeOptions {
  sources: readonly PartSource[];
  outDir: string;
  inputs: readonly string[];
  builtAt: string;
  started: number;
  strict: boolean;
  labels: LabelRow[];
  logger: Logger;
  coerced: readonly Coerced[];
  description?: { zh: string; en: string };
  /** return every FileSummary (tests); the CLI leaves them on disk only */
  keepFiles: boolean;
  /** for staging files */
  tmpDir: string;
  onSummary?: (file: FileSummary) => void;
}

export interface CodeCount {
  severity: DiagnosticRow['severity'];
  code: string;
  files: number;
  rows: number;
}

export interface MergeResult {
  n_files: number;
  n_reports: number;
  n_skipped: number;
  n_files_with_errors: number;
  n_files_with_warnings: number;
  codes: CodeCount[];
  files: FileSummary[];
  manifest: Manifest;
  elapsed_ms: number;
  ok: boolean;
}

/** WB_BUILD_TIMING=1 logs how long each step of the merge took (for the bench and for tuning). */
function phaseTimer(logger: Logger): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    if (process.env.WB_BUILD_TIMING) logger.info(`merge: ${name} ${Math.round(now - last)} ms`);
    last = now;
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const cols = (names: readonly string[], prefix = '') => names.map((n) => `${prefix}${quoteIdent(n)}`).join(', ');

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** One relation per part table over every source: DuckDB reads the parts, nothing is merged by hand. */
async function attachSources(connection: DuckDBConnection, sources: readonly PartSource[]): Promise<void> {
  const rel: Record<PartTableName, string[]> = Object.fromEntries(PART_TABLE_NAMES.map((t) => [t, []])) as never;
  for (const [i, s] of sources.entries()) {
    if (s.kind === 'duckdb') {
      await connection.run(`ATTACH ${quoteLiteral(s.path)} AS p${i} (READ_ONLY)`);
      for (const t of PART_TABLE_NAMES) rel[t].push(`SELECT * FROM p${i}.${quoteIdent(t)}`);
    } else {
      for (const t of PART_TABLE_NAMES) rel[t].push(`SELECT * FROM read_parquet(${quoteLiteral(join(s.dir, `${t}.parquet`))})`);
    }
  }
  for (const t of PART_TABLE_NAMES) await connection.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(`u_${t}`)} AS ${rel[t].join(' UNION ALL BY NAME ')}`);
}

/** Drops the later of identical files: the first file (lowest _ord) of each report_id keeps the report. */
async function dropDuplicates(connection: DuckDBConnection, logger: Logger): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE files AS SELECT * FROM u_files');
  await connection.run('CREATE OR REPLACE TABLE fdiag AS SELECT * FROM u_file_diagnostics');
  await connection.run(`CREATE OR REPLACE TABLE kept AS
    SELECT r.* FROM u_reports r SEMI JOIN (SELECT report_id, min(_ord) AS _ord FROM u_reports GROUP BY report_id) k USING (report_id, _ord)`);
  await connection.run(`CREATE OR REPLACE TABLE dups AS
    SELECT f._ord, f.file, f.source_file, f.report_id, first.source_file AS first
    FROM files f JOIN kept k USING (report_id) JOIN files first ON first._ord = k._ord
    WHERE f.status IN ('ok', 'partial') AND f._ord <> k._ord`);
  await connection.run(`DELETE FROM fdiag WHERE _ord IN (SELECT _ord FROM dups) AND code <> 'file_name'`);
  await connection.run(`INSERT INTO fdiag BY NAME SELECT _ord, -1 AS _i, source_file, report_id, 'warning' AS severity, 'duplicate' AS code,
    'same bytes as ' || first || ' (report ' || report_id || '); kept the first' AS message FROM dups`);
  // as FileSummary of a duplicate: nothing of the parse, one warning (the duplicate)
  await connection.run(`UPDATE files SET status = 'duplicate', reason = 'duplicate', format = NULL, doc_kind = NULL, report_year = NULL,
    parse_status = NULL, cells = 0, checks_failed = 0, errors = 0, warnings = 1 WHERE _ord IN (SELECT _ord FROM dups)`);
  for (const d of await rows(connection, `SELECT file, 'same bytes as ' || first || ' (report ' || report_id || '); kept the first' AS message FROM dups ORDER BY _ord`))
    logger.warn(`${d.file}: ${d.message}`);
}

type PartOutput = 'reports' | 'sections' | 'cells' | 'checks' | 'facts' | 'texts' | 'labels' | 'diagnostics';

/** The relation each output table is read from, contract columns in contract order. */
function outputs(labels: string): Partial<Record<TableName, string>> & Record<PartOutput, string> {
  const of = (t: ReportTable) => `SELECT ${cols(contractColumns(t))} FROM u_${t} WHERE _ord IN (SELECT _ord FROM kept)`;
  return {
    reports: `SELECT ${cols(contractColumns('reports'))} FROM kept`,
    sections: of('sections'),
    cells: of('cells'),
    checks: `${of('checks')} UNION ALL SELECT ${cols(contractColumns('checks'))} FROM xyear_checks`,
    facts: of('facts'),
    texts: of('texts'),
    labels,
    diagnostics: `SELECT ${cols(contractColumns('diagnostics'))} FROM fdiag`,
  };
}

async function reportCounts(connection: DuckDBConnection): Promise<ReportCounts> {
  const by = async (expr: string) =>
    Object.fromEntries((await rows(connection, `SELECT ${expr} AS k, count(*)::INTEGER AS n FROM kept GROUP BY 1 ORDER BY 1`)).map((r) => [String(r.k), Number(r.n)]));
  const [{ n }] = (await rows(connection, 'SELECT count(*)::INTEGER AS n FROM kept')) as [{ n: number }];
  const flagged = Object.fromEntries((await rows(connection,
    'SELECT flag, count(*)::INTEGER AS n FROM u_cells WHERE flag IS NOT NULL AND _ord IN (SELECT _ord FROM kept) GROUP BY flag ORDER BY flag')).map((r) => [String(r.flag), Number(r.n)]));
  const [{ p }] = (await rows(connection, `SELECT count(*)::INTEGER AS p FROM fdiag WHERE code = 'table_partial' AND _ord IN (SELECT _ord FROM kept)`)) as [{ p: number }];
  return {
    n_reports: n, formats: await by('format'), doc_kinds: await by('doc_kind'), years: await by(`coalesce(CAST(report_year AS VARCHAR), 'unknown')`),
    flagged_cells: flagged, partial_tables: p,
  };
}

/**
 * The merge: DuckDB reads every part, drops duplicates, runs X-YEAR-CARRY, writes the contract's Parquet tables,
 * the partitioned layout, build-report.json and, last, manifest.json (a manifest on disk means every file it
 * lists is complete).
 */
export async function mergeParts(connection: DuckDBConnection, o: MergeOptions): Promise<MergeResult> {
  const phase = phaseTimer(o.logger);
  await attachSources(connection, o.sources);
  await dropDuplicates(connection, o.logger);
  phase('duplicates');
  await applyCrossYearChecks(connection, 'u_cells');
  phase('cross-year checks');

  const coerced: Partial<Record<string, number>> = {};
  for (const c of o.coerced) for (const [t, n] of Object.entries(c)) coerced[t === 'file_diagnostics' ? 'diagnostics' : t] = (coerced[t] ?? 0) + n!;
  await connection.run(createTableSql(tableDef('labels'), 'labels_rows'));
  coerced.labels = await appendRows(connection, 'labels_rows', tableDef('labels'), o.labels);

  await mkdir(o.outDir, { recursive: true });
  const rel = outputs('SELECT * FROM labels_rows');
  // tables of the cross-report review step, empty until that step runs in the build
  for (const def of TABLES) {
    if (rel[def.name] !== undefined) continue;
    await connection.run(createTableSql(def, `empty_${def.name}`));
    rel[def.name] = `SELECT * FROM empty_${def.name}`;
  }
  const { flat, layout } = await writeOutputs(connection, o.outDir, rel as Record<TableName, string>, o.tmpDir, (t) => phase(`table ${t}`));
  const tables: ManifestTable[] = TABLES.map((def) => {
    const { file, rows, bytes } = flat[def.name];
    if (coerced[def.name]) o.logger.warn(`${file}: ${coerced[def.name]} values did not fit their column type and were written as NULL`);
    return { name: def.name, file, rows, bytes, eager: def.eager, columns: def.columns.map((c) => ({ name: c.name, type: c.type })) };
  });

  const [f] = (await rows(connection, `SELECT count(*)::INTEGER AS n_files,
      count(*) FILTER (status NOT IN ('ok', 'partial'))::INTEGER AS n_skipped,
      count(*) FILTER (errors > 0)::INTEGER AS n_files_with_errors,
      count(*) FILTER (warnings > 0)::INTEGER AS n_files_with_warnings FROM files`)) as [Record<string, number>];
  const counts = await reportCounts(connection);
  const codes = (await rows(connection, 'SELECT severity, code, count(DISTINCT _ord)::INTEGER AS files, count(*)::INTEGER AS rows FROM fdiag GROUP BY ALL'))
    .map((r) => ({ severity: r.severity, code: r.code, files: r.files, rows: r.rows }) as CodeCount)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.files - a.files || a.code.localeCompare(b.code));
  const manifest: Manifest = {
    version: 1,
    built_at: o.builtAt,
    dataset: describeDataset(counts, f.n_files!, f.n_skipped!, o.description),
    tables,
    layout,
  };
  const ok = !o.strict || (f.n_files_with_errors === 0 && f.n_files_with_warnings === 0);
  const elapsed_ms = Math.round(performance.now() - o.started);
  const head = {
    version: 1, inputs: o.inputs, ok, out_dir: o.outDir, built_at: o.builtAt, elapsed_ms, n_files: f.n_files, n_reports: counts.n_reports,
    n_skipped: f.n_skipped, n_files_with_errors: f.n_files_with_errors, n_files_with_warnings: f.n_files_with_warnings, codes,
  };
  const files = await writeBuildReport(join(o.outDir, 'build-report.json'), head, connection, o.keepFiles, o.onSummary);
  await writeFileAtomic(join(o.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    n_files: f.n_files!, n_reports: counts.n_reports, n_skipped: f.n_skipped!, n_files_with_errors: f.n_files_with_errors!,
    n_files_with_warnings: f.n_files_with_warnings!, codes, files, manifest, elapsed_ms, ok,
  };
}
