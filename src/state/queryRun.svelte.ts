import type { Engine, QueryResult } from '../db/engine.ts';
import { parseDuckDbError, type DuckDbErrorInfo } from '../db/errorPosition.ts';
import type { GuardVerdict } from '../db/guardStatement.ts';
import { ResultPages } from './resultPages.svelte.ts';
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
  /** the rows of `result` the grid shows; a big result is read page by page */
  pages = $state.raw<ResultPages | null>(null);
  /** SQL of the result on screen (the editor may have changed since) */
  resultSql = $state('');
  error = $state.raw<QueryFailure | null>(null);
  running = $state(false);
  cancelled = $state(false);
  /** caret position in the editor, kept while the editor is not on screen (schema browser inserts there) */
  cursor = $state<number | null>(null);
  /** the last run was refused before it reached DuckDB (it would have changed the loaded data set) */
  refusal = $state.raw<Extract<GuardVerdict, { kind: 'refuse' }> | null>(null);
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
      /** pre-flight check of the SQL: a refused statement never runs */
      guard?: (sql: string) => GuardVerdict;
      /** SQL that may have written something ran (or failed part-way): check the data set */
      onwrite?: () => void;
      /** the engine is broken (crash, invalidated database, no answer): it must be re-initialised */
      onfatal?: (reason: string) => void;
    } = {},
  ) {}

  async run(sql: string = this.sql): Promise<void> {
    const engine = this.engine();
    if (!engine || !sql.trim()) return;
    const verdict = this.hooks.guard?.(sql);
    this.refusal = verdict?.kind === 'refuse' ? verdict : null;
    if (this.refusal) return void (this.error = null);
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
      this.pages?.close();
      this.result = result;
      this.pages = new ResultPages(result);
      this.resultSql = sql;
      if (/^\s*(create|drop|alter|attach|detach)\b/im.test(sql)) this.hooks.onschemachange?.();
      const finished = (rows: number) => this.hooks.onfinished?.({ sql, at: new Date().toISOString(), rows, ms: result.ms, error: null });
      if (result.more) result.more.size.then((s) => finished(s.total), () => finished(result.table.numRows));
      else finished(result.table.numRows);
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
      if (verdict?.kind === 'allow' && verdict.writes) this.hooks.onwrite?.();
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

  /** a query runs, or the rows of a big result are still being counted */
  get cancellable(): boolean {
    return this.running || this.pages?.status === 'counting';
  }

  async cancel(): Promise<void> {
    const engine = this.engine();
    if (!engine || !this.cancellable) return;
    if (!this.running) {
      // only the counting of the result on screen stops; its first rows stay
      await engine.cancel();
      return;
    }
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
