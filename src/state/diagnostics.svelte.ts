import type { PanelReader } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import { DIAGNOSTIC_TOTALS_SQL, diagnosticsSql } from '../sql/diagnosticsSql.ts';
import { toFiles, toTotals, type DiagnosticsFilter, type DiagnosticTotals, type FileDiagnostics } from './diagnosticsData.ts';
import { Latest } from './latest.svelte.ts';

/** Rows shown at most: a national corpus has hundreds of thousands of diagnostics; the filter narrows them. */
export const DIAGNOSTICS_LIMIT = 2000;

interface Shown {
  totals: DiagnosticTotals;
  files: FileDiagnostics[];
  /** more rows matched than DIAGNOSTICS_LIMIT */
  truncated: boolean;
}

/** The `diagnostics` table as the build diagnostics view and the overview show it. */
export class BuildDiagnostics {
  #filter = $state.raw<DiagnosticsFilter>({ show: 'all', code: null });
  readonly #latest = new Latest<Shown, string>(messageOf);

  constructor(private readonly reader: () => PanelReader | null) {}

  get totals(): DiagnosticTotals | null {
    return this.#latest.value?.totals ?? null;
  }
  get files(): FileDiagnostics[] | null {
    return this.#latest.value?.files ?? null;
  }
  get truncated(): boolean {
    return this.#latest.value?.truncated ?? false;
  }
  get filter(): DiagnosticsFilter {
    return this.#filter;
  }
  get loading(): boolean {
    return this.#latest.running;
  }
  get error(): string | null {
    return this.#latest.error;
  }

  async load(): Promise<void> {
    const reader = this.reader();
    if (!reader) return;
    const filter = this.#filter;
    await this.#latest.run(async () => {
      const totals = this.totals ?? toTotals(rowsOf(await reader.read(DIAGNOSTIC_TOTALS_SQL)).map((r) => ({ severity: String(r.severity), code: String(r.code), files: Number(r.files) })));
      const rows = rowsOf(await reader.read(diagnosticsSql(filter, DIAGNOSTICS_LIMIT + 1)));
      const files = toFiles(rows.slice(0, DIAGNOSTICS_LIMIT).map((r) => ({
        source_file: String(r.source_file), severity: String(r.severity), code: String(r.code),
        message: r.message == null ? null : String(r.message), report_id: r.report_id == null ? null : String(r.report_id), title: r.title == null ? null : String(r.title),
      })));
      return { totals, files, truncated: rows.length > DIAGNOSTICS_LIMIT };
    });
  }

  setFilter(filter: Partial<DiagnosticsFilter>): void {
    this.#filter = { ...this.#filter, ...filter };
    void this.load();
  }
}

// Arrow rows read by field name (a StructRow is not a plain object to spread)
const rowsOf = (table: { toArray(): unknown[] }) => table.toArray() as Record<string, unknown>[];
