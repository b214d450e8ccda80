import type { Engine } from '../db/engine.ts';
import { DIAGNOSTIC_TOTALS_SQL, diagnosticsSql, toFiles, toTotals, type DiagnosticsFilter, type DiagnosticTotals, type FileDiagnostics } from './diagnosticsQuery.ts';

/** Rows shown at most: a national corpus has hundreds of thousands of diagnostics; the filter narrows them. */
export const DIAGNOSTICS_LIMIT = 2000;

/** The `diagnostics` table as the build diagnostics view and the overview show it. */
export class BuildDiagnostics {
  totals = $state.raw<DiagnosticTotals | null>(null);
  files = $state.raw<FileDiagnostics[] | null>(null);
  /** more rows matched than DIAGNOSTICS_LIMIT */
  truncated = $state(false);
  filter = $state.raw<DiagnosticsFilter>({ show: 'all', code: null });
  loading = $state(false);
  error = $state<string | null>(null);
  private token = 0;

  constructor(private readonly engine: () => Engine | null) {}

  async load(): Promise<void> {
    const engine = this.engine();
    if (!engine) return;
    const token = ++this.token;
    this.loading = true;
    try {
      const totals = this.totals ?? toTotals(rowsOf(await engine.sys(DIAGNOSTIC_TOTALS_SQL)).map((r) => ({ severity: String(r.severity), code: String(r.code), files: Number(r.files) })));
      const rows = rowsOf(await engine.sys(diagnosticsSql(this.filter, DIAGNOSTICS_LIMIT + 1)));
      if (token !== this.token) return;
      this.totals = totals;
      this.truncated = rows.length > DIAGNOSTICS_LIMIT;
      this.files = toFiles(rows.slice(0, DIAGNOSTICS_LIMIT).map((r) => ({
        source_file: String(r.source_file), severity: String(r.severity), code: String(r.code),
        message: r.message == null ? null : String(r.message), report_id: r.report_id == null ? null : String(r.report_id), title: r.title == null ? null : String(r.title),
      })));
      this.error = null;
    } catch (e) {
      if (token === this.token) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (token === this.token) this.loading = false;
    }
  }

  setFilter(filter: Partial<DiagnosticsFilter>): void {
    this.filter = { ...this.filter, ...filter };
    void this.load();
  }
}

// Arrow rows read by field name (a StructRow is not a plain object to spread)
const rowsOf = (table: { toArray(): unknown[] }) => table.toArray() as Record<string, unknown>[];
