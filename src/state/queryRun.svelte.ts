import type { Engine, QueryResult } from '../db/engine.ts';
import { parseDuckDbError, type DuckDbErrorInfo } from '../db/errorPosition.ts';
import { explainError, type ErrorExplanation } from '../db/explainError.ts';

export const DEFAULT_SQL = `SELECT report_id, title, organ, report_year, format, doc_kind, n_errors
FROM reports
ORDER BY report_year, organ;`;

/** DuckDB's words (kept verbatim for display) and what they mean by class. */
export interface QueryFailure extends DuckDbErrorInfo { explained: ErrorExplanation }

/** A cancelled query whose worker does not answer within this is taken for a wedged worker. */
export const CANCEL_ANSWER_MS = 15_000;

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
  /** caret position in the editor, kept while the editor is not on screen (schema browser inserts there) */
  cursor = $state<number | null>(null);
  private token = 0;
  /** the engine's answer to the running query, awaited by cancel() as a sign of life */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: () => Engine | null,
    private readonly hooks: {
      /** a run ended with rows or an error (not cancelled): the query history */
      onfinished?: (run: FinishedRun) => void;
      /** a statement that may have created or dropped a table or view ran */
      onschemachange?: () => void;
      /** the engine is broken (crash, invalidated database, no answer): it must be re-initialised */
      onfatal?: (reason: string) => void;
    } = {},
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
      const answer = engine.query(sql);
      this.pending = answer;
      const result = await answer;
      if (my !== this.token) return;
      this.result = result;
      this.resultSql = sql;
      if (/^\s*(create|drop|alter|attach|detach)\b/im.test(sql)) this.hooks.onschemachange?.();
      this.hooks.onfinished?.({ sql, at: new Date().toISOString(), rows: result.table.numRows, ms: result.ms, error: null });
    } catch (e) {
      if (my !== this.token) return;
      if (e instanceof Error && e.name === 'QueryCancelled') {
        this.cancelled = true;
      } else {
        const info = parseDuckDbError(e instanceof Error ? e.message : String(e), sql);
        this.error = { ...info, explained: explainError(info.message) };
        this.hooks.onfinished?.({ sql, at: new Date().toISOString(), rows: null, ms: 0, error: this.error.headline });
        if (this.error.explained.fatal) this.hooks.onfatal?.(this.error.headline);
      }
    } finally {
      if (my === this.token) this.running = false;
    }
  }

  /** Inserts text at the caret (at the end when the editor was never used) and moves the caret after it. */
  insert(text: string): void {
    const pos = Math.min(this.cursor ?? this.sql.length, this.sql.length);
    const before = this.sql.slice(0, pos);
    const pad = before && !/[\s(,.]$/.test(before) ? ' ' : '';
    this.sql = before + pad + text + this.sql.slice(pos);
    this.cursor = pos + pad.length + text.length;
  }

  async cancel(): Promise<void> {
    const engine = this.engine();
    if (!engine || !this.running) return;
    this.token++;
    this.running = false;
    this.cancelled = true;
    // A worker stuck inside WebAssembly answers neither the cancel nor anything else: then it is re-initialised.
    // Alive when either the cancelled query ends or a ping is answered (a ping may queue behind internal work).
    void engine.cancel();
    const alive = await Promise.race([this.pending.then(() => true, () => true), engine.ping(CANCEL_ANSWER_MS)]);
    if (!alive) engine.fail('no answer after cancel');
  }

  /** The engine under a running query was replaced: its answer will never come. */
  abandon(): void {
    if (!this.running) return;
    this.token++;
    this.running = false;
    this.cancelled = true;
  }
}
