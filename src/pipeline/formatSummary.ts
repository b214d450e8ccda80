import type { BuildSummary } from './buildData.ts';
import type { FileSummary } from './fileSummary.ts';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const counts = (record: Record<string, number>) =>
  Object.entries(record).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || '—';

const flaggedOf = (f: FileSummary): number => Object.values(f.flagged_cells ?? {}).reduce((a, b) => a + b, 0);

/** `status  file  format  doc_kind  cells  failed checks` (plus why, when the file was not built). */
export function formatFileLine(f: FileSummary): string {
  const built = f.status === 'ok' || f.status === 'partial';
  const why = f.diagnostics.find((d) => d.code === f.reason) ?? f.diagnostics[0];
  const detail = built
    ? `${(f.format ?? '?').padEnd(8)}  ${(f.doc_kind ?? '?').padEnd(13)}  cells ${String(f.cells).padStart(4)}  failed checks ${f.checks_failed}` +
      `${flaggedOf(f) ? `  uncertain ${flaggedOf(f)}` : ''}${f.partial_tables ? `  partial tables ${f.partial_tables}` : ''}`
    : `${f.reason ?? ''}${why ? `: ${why.message}` : ''}`;
  return `${f.status.padEnd(9)} ${f.source_file}  ${detail}`;
}

const codeList = (s: BuildSummary, severity: string) =>
  s.codes.filter((c) => c.severity === severity).map((c) => `${c.code} ${c.files}`).join(', ') || '—';

export function formatBuildSummary(s: BuildSummary): string {
  const d = s.manifest.dataset;
  const bytes = s.manifest.tables.reduce((sum, t) => sum + t.bytes, 0);
  return [
    `built ${s.n_reports} reports from ${s.n_files} files (${s.n_skipped} skipped) into ${s.out_dir} in ${s.elapsed_ms} ms`,
    `formats: ${counts(d.formats)} · kinds: ${counts(d.doc_kinds)} · years: ${counts(d.years)}`,
    `files with errors: ${s.n_files_with_errors} · with warnings: ${s.n_files_with_warnings}`,
    `uncertain cells: ${counts(d.flagged_cells ?? {})} · partial tables: ${d.partial_tables ?? 0}`,
    ...(['error', 'warning', 'info'] as const).map((sev) => `${sev} codes (files): ${codeList(s, sev)}`),
    `tables: ${s.manifest.tables.map((t) => `${t.name} ${t.rows}`).join(' · ')} (${kB(bytes)})`,
  ].join('\n');
}
