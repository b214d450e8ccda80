// The only module that talks to DuckDB-WASM.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, type Schema } from 'apache-arrow';
import { tableDef, type TableDef, type TableName } from '../core/schema.ts';
import { createTableSql } from './ddl.ts';
import { parseDuckDbError } from './errorPosition.ts';
import { explainError } from './explainError.ts';
import { countSql, losslessSql, stripStatementEnd } from './exportSql.ts';
import { MAX_RESULT_ROWS } from './limits.ts';
import { fetchTableIpc } from './fetchTableIpc.ts';
import { initParquetWasm, type DecodedTable } from './parquetToIpc.ts';
import viewsSql from './views.sql?raw';

export interface QueryResult {
  table: Table;
  ms: number;
  /** the result had more rows than MAX_RESULT_ROWS; only the first ones are kept */
  truncated: boolean;
}

export class QueryError extends Error {
  constructor(message: string, readonly sql: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryError';
  }
}

export class QueryCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'QueryCancelled';
  }
}

export interface ColumnInfo { name: string; type: string }

/** A query prepared for download: the SQL to stream and the DuckDB types of its columns. */
export interface ExportPlan { sql: string; columns: ColumnInfo[] }
export type SchemaInfo = Map<string, { kind: 'table' | 'view'; columns: ColumnInfo[] }>;

const silentLogger: duckdb.Logger = { log: () => {} };

export class Engine {
  private readonly loaded = new Map<TableName, Promise<void>>();
  private cancelled = false;
  private chartConn: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  private chartToken = 0;
  private chartRunning: Promise<unknown> = Promise.resolve();
  private chartBusy = false;
  /** downloads stream on their own connection: cancelling one never touches the user's query */
  private exportConn: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  /** one streamed query per connection at a time: a second one would cancel the first mid-stream */
  private exportQueue: Promise<void> = Promise.resolve();
  /** why the worker is known to be unusable (see onFailure), null while it is not */
  private failureReason: string | null = null;
  private readonly failureListeners = new Set<(reason: string) => void>();

  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly worker: Worker,
    /** user queries run here so that they can be cancelled without touching internal work */
    private readonly userConn: duckdb.AsyncDuckDBConnection,
    private readonly sysConn: duckdb.AsyncDuckDBConnection,
    private readonly dataBase: URL,
  ) {}

  static async create(dataBase: URL): Promise<Engine> {
    void initParquetWasm();
    const worker = new Worker(new URL(ehWorkerUrl, document.baseURI));
    const db = new duckdb.AsyncDuckDB(silentLogger, worker);
    await db.instantiate(new URL(ehWasmUrl, document.baseURI).href);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const sysConn = await db.connect();
    // Offline by construction: never reach for extensions on a CDN (intranets, CI).
    await sysConn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
    const userConn = await db.connect();
    const engine = new Engine(db, worker, userConn, sysConn, dataBase);
    // An uncaught error in the worker leaves DuckDB-WASM's pending requests unanswered for ever.
    worker.addEventListener('error', (e) => engine.fail(`worker error: ${e.message || 'unknown'}`));
    worker.addEventListener('messageerror', () => engine.fail('worker message error'));
    return engine;
  }

  /** Why the engine can no longer be used, or null while it is healthy as far as anyone knows. */
  get failure(): string | null {
    return this.failureReason;
  }

  /** Calls `listener` once when the engine fails (a worker error event, or fail()); returns an unsubscribe. */
  onFailure(listener: (reason: string) => void): () => void {
    if (this.failureReason !== null) {
      listener(this.failureReason);
      return () => {};
    }
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Declares the engine unusable (a crash seen in an answer, a worker that stopped answering). */
  fail(reason: string): void {
    if (this.failureReason !== null) return;
    this.failureReason = reason;
    for (const l of [...this.failureListeners]) l(reason);
    this.failureListeners.clear();
  }

  /**
   * Whether DuckDB still answers a trivial query within `timeoutMs`. A WebAssembly trap (heap exhausted:
   * "memory access out of bounds") leaves the worker running but every later query failing; a wedged
   * worker never answers. Both give false. Runs on the internal connection: it queues behind internal work only.
   */
  async ping(timeoutMs = 10_000): Promise<boolean> {
    if (this.failureReason !== null) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answer = this.sysConn.query('SELECT 42 AS ping').then(
      (t) => Number(t.getChildAt(0)?.get(0)) === 42,
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Inserts a table from its Parquet file; idempotent. `ipc` may be a decode started earlier
   * (fetchTableIpc), so that start-up overlaps downloading and decoding with DuckDB's instantiation.
   */
  ensureTable(name: TableName, ipc?: Promise<DecodedTable>): Promise<void> {
    let p = this.loaded.get(name);
    if (!p) {
      p = this.insertTable(tableDef(name), ipc ?? fetchTableIpc(this.dataBase, `${name}.parquet`));
      this.loaded.set(name, p);
      p.catch(() => this.loaded.delete(name));
    }
    return p;
  }

  private async insertTable(def: TableDef, decoded: Promise<DecodedTable>): Promise<void> {
    const { ipc, empty } = await decoded;
    if (empty) {
      await this.sysConn.query(createTableSql(def));
      return;
    }
    await this.sysConn.insertArrowFromIPCStream(ipc, { name: def.name, create: true });
  }

  async createViews(): Promise<void> {
    await this.sysConn.query(viewsSql);
  }

  /** Internal queries (overview, schema); not cancellable by the user. */
  async sys(sql: string): Promise<Table> {
    try {
      return await this.sysConn.query(sql);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // the catalog, overview or report viewer may be the first to meet a crashed engine
      if (explainError(parseDuckDbError(message, sql).message).fatal) this.fail(message);
      throw new QueryError(message, sql, { cause: e });
    }
  }

  /** Runs user SQL; cancellable with cancel(). Results past MAX_RESULT_ROWS are dropped and flagged. */
  async query(sql: string): Promise<QueryResult> {
    if (/\btexts\b/i.test(sql)) await this.ensureTable('texts');
    this.cancelled = false;
    const t0 = performance.now();
    try {
      const reader = await this.userConn.send(sql, true);
      const batches = [];
      let rows = 0;
      let truncated = false;
      for await (const batch of reader) {
        if (this.cancelled) throw new QueryCancelled();
        batches.push(batch);
        rows += batch.numRows;
        if (rows >= MAX_RESULT_ROWS) {
          truncated = true;
          await this.userConn.cancelSent();
          break;
        }
      }
      if (this.cancelled) throw new QueryCancelled();
      const table = batches.length ? new Table(batches) : new Table(reader.schema as Schema);
      return { table: truncated ? table.slice(0, MAX_RESULT_ROWS) : table, ms: performance.now() - t0, truncated };
    } catch (e) {
      if (e instanceof QueryCancelled || this.cancelled) throw new QueryCancelled();
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, { cause: e });
    }
  }

  /**
   * Chart queries run on a connection of their own, so that a chart never cancels the user's SQL. A newer call
   * supersedes an older one still running: the older is cancelled and rejects with QueryCancelled, so a stale
   * chart never overwrites a newer one.
   */
  chartQuery(sql: string): Promise<QueryResult> {
    const my = ++this.chartToken;
    const previous = this.chartRunning;
    const run = (async () => {
      const conn = await (this.chartConn ??= this.db.connect());
      // a round trip to the worker: only when an older chart query is still running
      if (this.chartBusy) await conn.cancelSent().catch(() => false);
      await previous.catch(() => {});
      if (my !== this.chartToken) throw new QueryCancelled();
      this.chartBusy = true;
      if (/\btexts\b/i.test(sql)) await this.ensureTable('texts');
      const t0 = performance.now();
      try {
        const reader = await conn.send(sql, true);
        const batches = [];
        for await (const batch of reader) {
          if (my !== this.chartToken) throw new QueryCancelled();
          batches.push(batch);
        }
        if (my !== this.chartToken) throw new QueryCancelled();
        const table = batches.length ? new Table(batches) : new Table(reader.schema as Schema);
        return { table, ms: performance.now() - t0, truncated: false };
      } catch (e) {
        if (e instanceof QueryCancelled || my !== this.chartToken) throw new QueryCancelled();
        throw new QueryError(e instanceof Error ? e.message : String(e), sql, { cause: e });
      } finally {
        this.chartBusy = false;
      }
    })();
    this.chartRunning = run;
    return run;
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.userConn.cancelSent().catch(() => false);
  }

  /**
   * The SQL a download streams for `sql`: wide integers as exact text (see losslessSql), with the
   * result's column types from DESCRIBE. Statements DESCRIBE cannot take are streamed as they are.
   */
  async exportPlan(sql: string): Promise<ExportPlan> {
    if (/\btexts\b/i.test(sql)) await this.ensureTable('texts');
    try {
      const t = await this.sysConn.query(`DESCRIBE ${stripStatementEnd(sql)}`);
      const columns = (t.toArray() as { column_name: string; column_type: string }[]).map((r) => ({ name: r.column_name, type: r.column_type }));
      return { sql: losslessSql(sql, columns), columns };
    } catch {
      return { sql, columns: [] };
    }
  }

  /** Rows `sql` returns, counted by DuckDB without moving them. */
  async countRows(sql: string): Promise<number> {
    if (/\btexts\b/i.test(sql)) await this.ensureTable('texts');
    const t = await this.sys(countSql(sql));
    return Number(t.getChildAt(0)?.get(0) ?? 0);
  }

  async hasRelation(name: string): Promise<boolean> {
    const t = await this.sys(
      `SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '${name.replaceAll("'", "''")}'`,
    );
    return Number(t.getChildAt(0)?.get(0) ?? 0) > 0;
  }

  /**
   * Streams every row of `sql` as Arrow IPC messages, untouched: first the schema message, then one
   * message per record batch (header + messages form an IPC stream). The bytes go straight to the
   * export worker, so the page's thread neither decodes nor holds the rows. Stops when `signal` aborts.
   */
  async *exportStream(sql: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    this.exportConn ??= this.db.connect();
    const conn = await this.exportConn;
    const before = this.exportQueue;
    let release!: () => void;
    this.exportQueue = new Promise<void>((r) => (release = r));
    const abort = () => void conn.cancelSent().catch(() => false);
    try {
      // waiting for the stream before this one ends early when this one is cancelled
      await new Promise<void>((resolve) => {
        void before.then(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      if (signal?.aborted) throw new QueryCancelled();
      signal?.addEventListener('abort', abort);
      yield* await conn.useUnsafe(async (db, id) => {
        let header = await db.startPendingQuery(id, sql, true);
        while (header === null) {
          if (signal?.aborted) throw new QueryCancelled();
          header = await db.pollPendingQuery(id);
        }
        return (async function* () {
          yield header;
          for (;;) {
            if (signal?.aborted) throw new QueryCancelled();
            let msg: Uint8Array | null = null;
            while (msg === null) {
              // after a cancel, fetching may answer "not ready" for ever
              if (signal?.aborted) throw new QueryCancelled();
              msg = await db.fetchQueryResults(id);
            }
            if (msg.length === 0) return;
            yield msg;
          }
        })();
      });
    } catch (e) {
      if (e instanceof QueryCancelled || signal?.aborted) throw new QueryCancelled();
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, { cause: e });
    } finally {
      signal?.removeEventListener('abort', abort);
      // A consumer that stopped early leaves the query pending; harmless when it has finished.
      await conn.cancelSent().catch(() => false);
      release();
    }
  }

  async schema(): Promise<SchemaInfo> {
    const t = await this.sys(
      `SELECT c.table_name, t.table_type, c.column_name, c.data_type
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'main' AND c.table_catalog <> 'temp' ORDER BY c.table_name, c.ordinal_position`,
    );
    const out: SchemaInfo = new Map();
    for (const r of t.toArray() as { table_name: string; table_type: string; column_name: string; data_type: string }[]) {
      let e = out.get(r.table_name);
      if (!e) out.set(r.table_name, (e = { kind: r.table_type === 'VIEW' ? 'view' : 'table', columns: [] }));
      e.columns.push({ name: r.column_name, type: r.data_type });
    }
    return out;
  }

  /** Closes the connections and ends the worker; a dead or wedged worker is ended without waiting for it. */
  async close(): Promise<void> {
    const graceful = (async () => {
      if (this.failureReason !== null) return;
      await this.userConn.close().catch(() => {});
      if (this.chartConn) await (await this.chartConn).close().catch(() => {});
      if (this.exportConn) await (await this.exportConn).close().catch(() => {});
      await this.sysConn.close().catch(() => {});
    })();
    await Promise.race([graceful, new Promise((r) => setTimeout(r, 2_000))]);
    // closed on purpose: nobody is told it failed
    this.failureListeners.clear();
    this.failureReason ??= 'closed';
    await this.db.terminate();
    this.worker.terminate();
  }
}

