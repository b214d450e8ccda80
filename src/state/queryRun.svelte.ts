import type { QueryResult, UserQueries } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import type { GuardVerdict } from '../sql/guard.ts';
import { parseDuckDbError, type DuckDbErrorInfo } from '../sql/errorPosition.ts';
import { explainError, type ErrorExplanation } from '../sql/explainError.ts';
import { changesSchema, isQuery, type Statement } from '../sql/statements.ts';
import { Latest } from './latest.svelte.ts';
import { ResultPages } from './resultPages.svelte.ts';

export type { ErrorKind } from '../sql/explainError.ts';

export const DEFAULT_SQL = `SELECT report_id, title, organ, report_year, format, doc_kind, n_errors
FROM reports
ORDER BY report_year, organ;`;

/** DuckDB's words (kept verbatim for display) and what they mean by class. */
export interface QueryFailure extends DuckDbErrorInfo {
  explained: ErrorExplanation;
}

/** A cancelled query whose worker does not answer within this is taken for a wedged worker. */
export const CANCEL_ANSWER_MS = 15_000;

/** A finished run (not a cancelled one), for the query history. */
export interface FinishedRun {
  sql: string;
  at: string;
  rows: number | null;
  ms: number;
  error: string | null;
}

export interface QueryRunHooks {
  /** a run ended with rows or an error (not cancelled): the query history */
  onfinished?: (run: FinishedRun) => void;
  /** a statement that may have created or dropped a table or view ran */
  onschemachange?: () => void;
  /** pre-flight check of the SQL: a refused statement never runs */
  guard?: (statements: readonly Statement[]) => GuardVerdict;
  /** SQL that may have written something ran (or failed part-way): check the data set */
  onwrite?: () => void;
}

/** One SQL editor's run state. Results of superseded runs are dropped (Latest). */
export class QueryRun {
  #sql = $state(DEFAULT_SQL);
  /** the rows of the result the grid shows; a big result is read page by page */
  #pages = $state.raw<ResultPages | null>(null);
  /** SQL of the result on screen (the editor may have changed since) */
  #resultSql = $state('');
  /** the result on screen is one query's rows (it can be charted) */
  #resultIsQuery = $state(false);
  /** caret position in the editor, kept while the editor is not on screen (schema browser inserts there) */
  #cursor = $state<number | null>(null);
  /** the last run was refused before it reached DuckDB (it would have changed the loaded data set) */
  #refusal = $state.raw<Extract<GuardVerdict, { kind: 'refuse' }> | null>(null);
  readonly #latest = new Latest<QueryResult, QueryFailure>((e) => failure(e, this.#runningSql));
  #runningSql = '';
  #pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly lane: () => UserQueries | null,
    private readonly hooks: QueryRunHooks = {},
  ) {}

  get sql(): string {
    return this.#sql;
  }
  get result(): QueryResult | null {
    return this.#latest.value;
  }
  get pages(): ResultPages | null {
    return this.#pages;
  }
  get resultSql(): string {
    return this.#resultSql;
  }
  /** SQL of the result on screen when it is one query's rows (what a chart of the result reads), else '' */
  get resultQuery(): string {
    return this.#resultIsQuery ? this.#resultSql : '';
  }
  get error(): QueryFailure | null {
    return this.#latest.error;
  }
  get running(): boolean {
    return this.#latest.running;
  }
  get cancelled(): boolean {
    return this.#latest.cancelled;
  }
  get cursor(): number | null {
    return this.#cursor;
  }
  get refusal(): Extract<GuardVerdict, { kind: 'refuse' }> | null {
    return this.#refusal;
  }

  setSql(sql: string): void {
    this.#sql = sql;
  }

  setCursor(pos: number | null): void {
    this.#cursor = pos;
  }

  async run(sql: string = this.#sql): Promise<void> {
    const lane = this.lane();
    if (!lane || !sql.trim()) return;
    if (this.running) await lane.cancel();
    let verdict: GuardVerdict | undefined;
    this.#runningSql = sql;
    const running = this.#latest.run(async (run) => {
      const statements = await lane.statements(sql);
      verdict = this.hooks.guard?.(statements);
      if (run.superseded()) throw new Error('superseded');
      this.#refusal = verdict?.kind === 'refuse' ? verdict : null;
      if (this.#refusal) return this.result!;
      const result = await lane.query(sql, statements);
      if (!run.superseded()) this.showResult(sql, statements, result);
      return result;
    });
    // the database's answer (to the tokenizer or the query), awaited by cancel() as a sign of life
    this.#pending = running;
    const outcome = await running;
    if (outcome.status === 'failed') {
      const error = outcome.error;
      this.hooks.onfinished?.({ sql, at: new Date().toISOString(), rows: null, ms: 0, error: error.headline });
      // the error is on screen first; then the database is declared failed, and the workbench recovers it
      if (error.explained.fatal) lane.fail(error.headline);
    }
    if (verdict?.kind === 'allow' && verdict.writes) this.hooks.onwrite?.();
  }

  private showResult(sql: string, statements: readonly Statement[], result: QueryResult): void {
    this.#pages?.close();
    this.#pages = new ResultPages(result);
    this.#resultSql = sql;
    this.#resultIsQuery = isQuery(statements);
    if (changesSchema(statements)) this.hooks.onschemachange?.();
    const finished = (rows: number) => this.hooks.onfinished?.({ sql, at: new Date().toISOString(), rows, ms: result.ms, error: null });
    if (result.more) result.more.size.then((s) => finished(s.total), () => finished(result.table.numRows));
    else finished(result.table.numRows);
  }

  /** Inserts text at the caret (at the end when the editor was never used) and moves the caret after it. */
  insert(text: string): void {
    const pos = Math.min(this.#cursor ?? this.#sql.length, this.#sql.length);
    const before = this.#sql.slice(0, pos);
    const pad = before && !/[\s(,.]$/.test(before) ? ' ' : '';
    this.#sql = before + pad + text + this.#sql.slice(pos);
    this.#cursor = pos + pad.length + text.length;
  }

  /** Replaces [from, to) of the SQL with `text` and puts the caret after it. */
  replace(from: number, to: number, text: string): void {
    this.#sql = this.#sql.slice(0, from) + text + this.#sql.slice(to);
    this.#cursor = from + text.length;
  }

  /** a query runs, or the rows of a big result are still being counted */
  get cancellable(): boolean {
    return this.running || this.#pages?.status === 'counting';
  }

  async cancel(): Promise<void> {
    const lane = this.lane();
    if (!lane || !this.cancellable) return;
    if (!this.running) {
      // only the counting of the result on screen stops; its first rows stay
      await lane.cancel();
      return;
    }
    this.#latest.cancel();
    // A worker stuck inside WebAssembly answers neither the cancel nor anything else: then it is re-initialised.
    // Alive when either the cancelled query ends or a ping is answered (a ping may queue behind internal work).
    void lane.cancel();
    const alive = await Promise.race([this.#pending.then(() => true, () => true), lane.ping(CANCEL_ANSWER_MS)]);
    if (!alive) lane.fail('no answer after cancel');
  }

  /** The database under a running query was replaced: its answer will never come. */
  abandon(): void {
    if (this.running) this.#latest.cancel();
  }
}

function failure(e: unknown, sql: string): QueryFailure {
  const info = parseDuckDbError(messageOf(e), sql);
  return { ...info, explained: explainError(info.message) };
}
