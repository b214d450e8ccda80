// One DuckDB-WASM database in its own worker: instantiate, ping, failure, the tables of the data set, the views, the
// schema and the panels' internal reads. Lanes (userLane, chartLane, exportLane, baseCheck) take a Database and
// open their own connections on it; the workbench may hold more than one Database (issue 19: the user's SQL apart).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { tableDef, type TableDef, type TableName } from '../core/schema.ts';
import { createTableSql } from '../sql/ddlSql.ts';
import { parseDuckDbError } from '../sql/errorPosition.ts';
import { explainError } from '../sql/explainError.ts';
import { NO_EXTERNAL_ACCESS_SQL, OFFLINE_SQL, pingSql, relationExistsSql, schemaSql } from '../sql/schemaSql.ts';
import { needsTexts, splitStatements, type Statement } from '../sql/statements.ts';
import { toTokens, type Token } from '../sql/tokens.ts';
import type { SchemaInfo } from './connectors.ts';
import { messageOf, QueryError } from './errors.ts';
import { fetchTableIpc } from './fetchTableIpc.ts';
import { initParquetWasm, type DecodedTable } from './parquetToIpc.ts';
import viewsSql from './views.sql?raw';

/** Names of the views views.sql creates. */
export const BASE_VIEWS: readonly string[] = [...viewsSql.matchAll(/CREATE OR REPLACE VIEW\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase());

const silentLogger: duckdb.Logger = { log: () => {} };

export class Database {
  private readonly loaded = new Map<TableName, Promise<void>>();
  private readonly connections: Promise<duckdb.AsyncDuckDBConnection>[] = [];
  /** why the worker is known to be unusable (see onFailure), null while it is not */
  private failureReason: string | null = null;
  private readonly failureListeners = new Set<(reason: string) => void>();

  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly worker: Worker,
    /** internal work (loading, overview, catalog, schema): never cancelled by the user */
    private readonly internal: duckdb.AsyncDuckDBConnection,
    private readonly dataBase: URL,
  ) {}

  /** A new worker and database whose tables come from the Parquet files under `dataBase`. */
  static async open(dataBase: URL): Promise<Database> {
    void initParquetWasm();
    const worker = new Worker(new URL(ehWorkerUrl, document.baseURI));
    const db = new duckdb.AsyncDuckDB(silentLogger, worker);
    await db.instantiate(new URL(ehWasmUrl, document.baseURI).href);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const internal = await db.connect();
    // Offline by construction: never reach for extensions on a CDN (intranets, CI).
    await internal.query(OFFLINE_SQL);
    // SQL must not reach the network either: DuckDB-WASM reads http(s) URLs in read_csv/ATTACH/INSTALL by itself,
    // and a dedicated worker gets no CSP from index.html's meta tag (only from a response header some hosts omit).
    // Tables arrive as Arrow, which this does not restrict; once off, it cannot be switched on again.
    await internal.query(NO_EXTERNAL_ACCESS_SQL);
    const database = new Database(db, worker, internal, dataBase);
    // An uncaught error in the worker leaves DuckDB-WASM's pending requests unanswered for ever.
    worker.addEventListener('error', (e) => database.fail(`worker error: ${e.message || 'unknown'}`));
    worker.addEventListener('messageerror', () => database.fail('worker message error'));
    return database;
  }

  /** A connection of its own for a lane; closed with the database. */
  connect(): Promise<duckdb.AsyncDuckDBConnection> {
    const c = this.db.connect();
    this.connections.push(c);
    return c;
  }

  /** DuckDB's own tokens for `sql` (its lexer, not a copy of it). */
  async tokenize(sql: string): Promise<Token[]> {
    return toTokens(sql, await this.db.tokenize(sql));
  }

  async statements(sql: string): Promise<Statement[]> {
    return splitStatements(sql, await this.tokenize(sql));
  }

  /** Why the database can no longer be used, or null while it is healthy as far as anyone knows. */
  get failure(): string | null {
    return this.failureReason;
  }

  /** Calls `listener` once when the database fails (a worker error event, or fail()); returns an unsubscribe. */
  onFailure(listener: (reason: string) => void): () => void {
    if (this.failureReason !== null) {
      listener(this.failureReason);
      return () => {};
    }
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Declares the database unusable (a crash seen in an answer, a worker that stopped answering). */
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
    const answer = this.internal.query(pingSql).then(
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
   * The error to throw for a failed statement. Whichever query meets a crashed engine first (the catalog, the
   * overview, a chart, a download, a page of a big result) declares it failed, so the workbench recovers.
   */
  queryError(e: unknown, sql: string): QueryError {
    const message = messageOf(e);
    if (explainError(parseDuckDbError(message, sql).message).fatal) this.fail(message);
    return new QueryError(message, sql, { cause: e });
  }

  /** Internal reads (overview, catalog, schema); not cancellable by the user. */
  async read(sql: string): Promise<Table> {
    try {
      return await this.internal.query(sql);
    } catch (e) {
      throw this.queryError(e, sql);
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

  /** Loads the lazily loaded tables `sql` names (the full texts) before it runs. */
  async ensureTablesFor(sql: string, statements?: readonly Statement[]): Promise<void> {
    if (this.loaded.has('texts')) return;
    const tokens = statements ? statements.flatMap((s) => s.tokens) : await this.tokenize(sql);
    if (needsTexts(tokens)) await this.ensureTable('texts');
  }

  /** Tables loaded (or loading) so far, once their loads have settled. */
  async loadedTables(): Promise<TableName[]> {
    await Promise.allSettled(this.loaded.values());
    return [...this.loaded.keys()];
  }

  /** Forgets which tables are loaded (they were dropped): ensureTable() inserts them again. */
  forgetTables(): void {
    this.loaded.clear();
  }

  private async insertTable(def: TableDef, decoded: Promise<DecodedTable>): Promise<void> {
    const { ipc, empty } = await decoded;
    if (empty) {
      await this.internal.query(createTableSql(def));
      return;
    }
    await this.internal.insertArrowFromIPCStream(ipc, { name: def.name, create: true });
  }

  async createViews(): Promise<void> {
    await this.internal.query(viewsSql);
  }

  async schema(): Promise<SchemaInfo> {
    const t = await this.read(schemaSql);
    const out: SchemaInfo = new Map();
    for (const r of t.toArray() as { table_name: string; table_type: string; column_name: string; data_type: string }[]) {
      let e = out.get(r.table_name);
      if (!e) out.set(r.table_name, (e = { kind: r.table_type === 'VIEW' ? 'view' : 'table', columns: [] }));
      e.columns.push({ name: r.column_name, type: r.data_type });
    }
    return out;
  }

  async hasRelation(name: string): Promise<boolean> {
    const t = await this.read(relationExistsSql(name));
    return Number(t.getChildAt(0)?.get(0) ?? 0) > 0;
  }

  /** Closes the connections and ends the worker; a dead or wedged worker is ended without waiting for it. */
  async close(): Promise<void> {
    const graceful = (async () => {
      if (this.failureReason !== null) return;
      for (const c of this.connections) await (await c).close().catch(() => {});
      await this.internal.close().catch(() => {});
    })();
    await Promise.race([graceful, new Promise((r) => setTimeout(r, 2_000))]);
    // closed on purpose: nobody is told it failed
    this.failureListeners.clear();
    this.failureReason ??= 'closed';
    await this.db.terminate();
    this.worker.terminate();
  }
}
