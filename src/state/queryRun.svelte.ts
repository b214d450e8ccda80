import type { Engine, QueryResult } from '../db/engine.ts';
import { parseDuckDbError, type DuckDbErrorInfo } from '../db/errorPosition.ts';

export const DEFAULT_SQL = `SELECT report_id, title, organ, report_year, format, doc_kind, n_errors
FROM reports
ORDER BY report_year, organ;`;

export type QueryFailure = DuckDbErrorInfo;

/** A finished run (not a cancelled one), for the query history. */
export interface FinishedRun { sql: string; at: string; rows: number | null; ms: number; error: string | null }

/** One SQL editor's run state. A run token drops results of runs that were superseded. */
export class QueryRun {
  sql = $state(DEFAULT_SQL);
  result = $state.raw<QueryResult | null>(null);
  /** SQL of the result on screen (the editor may have changed since) */
  resultSql = $state('');
  error = $state.raw<QueryFailure | null>(null);
  running = $state(false);
  cancelled = $state(false);
  private token = 0;

  constructor(
    private readonly engine: () => Engine | null,
    private readonly onfinished?: (run: FinishedRun) => void,
  ) {}

  async run(sql: string = this.sql): Promise<void> {
    const engine = this.engine();
    if (!engine || !sql.trim()) return;
    const my = ++this.token;
    if (this.running) await engine.cancel();
    this.running = true;
    this.cancelled = false;
    this.error = null;
    try {
      const result = await engine.query(sql);
      if (my !== this.token) return;
      this.result = result;
      this.resultSql = sql;
      this.onfinished?.({ sql, at: new Date().toISOString(), rows: result.table.numRows, ms: result.ms, error: null });
    } catch (e) {
      if (my !== this.token) return;
      if (e instanceof Error && e.name === 'QueryCancelled') {
        this.cancelled = true;
      } else {
        this.error = parseDuckDbError(e instanceof Error ? e.message : String(e), sql);
        this.onfinished?.({ sql, at: new Date().toISOString(), rows: null, ms: 0, error: this.error.headline });
      }
    } finally {
      if (my === this.token) this.running = false;
    }
  }

  async cancel(): Promise<void> {
    const engine = this.engine();
    if (!engine || !this.running) return;
    this.token++;
    this.running = false;
    this.cancelled = true;
    await engine.cancel();
  }
}
