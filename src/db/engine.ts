// The only module that talks to DuckDB-WASM.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, type Schema } from 'apache-arrow';
import { TABLE_NAMES, tableDef, type TableDef, type TableName } from '../core/schema.ts';
import { createTableSql } from './ddl.ts';
import { countSql, losslessSql, stripStatementEnd } from './exportSql.ts';
import { MAX_RESULT_ROWS } from './limits.ts';
import { fetchTableIpc } from './fetchTableIpc.ts';
import type { GuardOptions } from './guardStatement.ts';
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

/** Something wrong with a relation of the data set, found by checkBase(). */
export interface BaseProblem {
  name: string;
  problem: 'missing' | 'kind' | 'rows' | 'columns' | 'changed';
  rows?: number;
  expected?: number;
}

/** A table as the build wrote it (manifest.json): what checkBase() compares with. */
export interface BaseExpectation { rows: number; columns: readonly string[] }

/** The catalog's table of selected reports: user SQL reads it, only the catalog writes it. */
export const SELECTION_TABLE = 'selection';
/** Names of the views views.sql creates. */
export const BASE_VIEWS: readonly string[] = [...viewsSql.matchAll(/CREATE OR REPLACE VIEW\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase());

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
  /** definitions of the views of views.sql as DuckDB stored them, to notice one replaced */
  private viewDefinitions: Map<string, string> | null = null;
  private guard: Promise<GuardOptions> | null = null;

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
    // SQL must not reach the network either: DuckDB-WASM reads http(s) URLs in read_csv/ATTACH/INSTALL by itself,
    // and a dedicated worker gets no CSP from index.html's meta tag (only from a response header some hosts omit).
    // Tables arrive as Arrow, which this does not restrict; once off, it cannot be switched on again.
    await sysConn.query(`SET enable_external_access = false;`);
    const userConn = await db.connect();
    return new Engine(db, worker, userConn, sysConn, dataBase);
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
      throw new QueryError(e instanceof Error ? e.message : String(e), sql, { cause: e });
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

  /**
   * What user SQL may not change (guardStatement): the contract tables, the views of views.sql and the catalog's
   * selection; the settings whose scope is the whole database (a SET of one changes every panel's connection);
   * and the database itself.
   */
  guardOptions(): Promise<GuardOptions> {
    this.guard ??= (async () => {
      this.viewDefinitions ??= await this.readViewDefinitions();
      const db = await this.sys('SELECT current_database() AS d');
      const database = String(db.getChildAt(0)?.get(0) ?? 'memory');
      let globalSettings: Set<string>;
      try {
        const t = await this.sys(`SELECT lower(name) AS name FROM duckdb_settings() WHERE scope = 'GLOBAL'`);
        globalSettings = new Set((t.getChildAt(0)?.toArray() ?? []) as string[]);
      } catch {
        // no scope column: treat every setting as shared
        const t = await this.sys('SELECT lower(name) AS name FROM duckdb_settings()');
        globalSettings = new Set((t.getChildAt(0)?.toArray() ?? []) as string[]);
      }
      // aliases DuckDB accepts in SET that duckdb_settings() lists under another name
      for (const alias of ['threads', 'worker_threads', 'memory_limit', 'max_memory']) globalSettings.add(alias);
      return { protectedNames: [...TABLE_NAMES, ...BASE_VIEWS, SELECTION_TABLE], globalSettings, database };
    })();
    this.guard.catch(() => (this.guard = null));
    return this.guard;
  }

  /**
   * The data set as loaded, checked after user SQL that may have written: each table loaded so far is a table with
   * the rows and columns `expected` gives (the manifest's), each view of views.sql a view with its definition, and
   * the selection a table. Cheap: count(*) reads no column (3.5 ms for 20 M rows in native DuckDB).
   */
  async checkBase(expected: ReadonlyMap<string, BaseExpectation>): Promise<BaseProblem[]> {
    await Promise.allSettled(this.loaded.values());
    const relations = await this.mainRelations();
    const definitions = await this.readViewDefinitions();
    this.viewDefinitions ??= definitions;
    const columns = await this.sys(
      `SELECT lower(table_name) AS name, string_agg(lower(column_name), ',' ORDER BY ordinal_position) AS cols
       FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() GROUP BY 1`,
    );
    const columnsOf = new Map((columns.toArray() as { name: string; cols: string }[]).map((r) => [r.name, r.cols]));
    const problems: BaseProblem[] = [];
    const counted: string[] = [];
    for (const name of [...this.loaded.keys(), SELECTION_TABLE]) {
      const type = relations.get(name);
      const want = expected.get(name);
      if (!type) problems.push({ name, problem: 'missing' });
      else if (type !== 'BASE TABLE') problems.push({ name, problem: 'kind' });
      else if (want && columnsOf.get(name) !== want.columns.map((c) => c.toLowerCase()).join(',')) problems.push({ name, problem: 'columns' });
      else if (want) counted.push(name);
    }
    for (const name of BASE_VIEWS) {
      const type = relations.get(name);
      if (!type) problems.push({ name, problem: 'missing' });
      else if (type !== 'VIEW') problems.push({ name, problem: 'kind' });
      else if (definitions.get(name) !== this.viewDefinitions.get(name)) problems.push({ name, problem: 'changed' });
    }
    if (counted.length) {
      const t = await this.sys(counted.map((n) => `SELECT '${n}' AS name, count(*)::DOUBLE AS n FROM main."${n}"`).join(' UNION ALL '));
      for (const r of t.toArray() as { name: string; n: number }[]) {
        const rows = expected.get(r.name)!.rows;
        if (Number(r.n) !== rows) problems.push({ name: r.name, problem: 'rows', rows: Number(r.n), expected: rows });
      }
    }
    return problems;
  }

  /**
   * Puts the data set back as it was loaded: whatever now has the name of a loaded table or of a view of views.sql
   * is dropped, the tables are inserted again from their Parquet files (the browser's cache usually answers) and the
   * views recreated. Tables users made under other names are kept. The catalog rebuilds its selection itself.
   */
  async restoreBase(): Promise<void> {
    const tables = [...this.loaded.keys()];
    await Promise.allSettled(this.loaded.values());
    const ours = new Set<string>([...tables, ...BASE_VIEWS]);
    for (const [name, type] of await this.mainRelations()) {
      if (!ours.has(name)) continue;
      await this.sys(`DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS main."${name}"`);
    }
    this.loaded.clear();
    await Promise.all(tables.map((name) => this.ensureTable(name)));
    await this.createViews();
    this.viewDefinitions = await this.readViewDefinitions();
  }

  private async readViewDefinitions(): Promise<Map<string, string>> {
    const t = await this.sys(`SELECT lower(view_name) AS name, sql FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()`);
    return new Map((t.toArray() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  }

  /** Relations of the default schema, by lower-case name: 'BASE TABLE' or 'VIEW'. */
  private async mainRelations(): Promise<Map<string, string>> {
    const t = await this.sys(
      `SELECT lower(table_name) AS name, table_type AS type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`,
    );
    return new Map((t.toArray() as { name: string; type: string }[]).map((r) => [r.name, r.type]));
  }

  async close(): Promise<void> {
    await this.userConn.close().catch(() => {});
    if (this.chartConn) await (await this.chartConn).close().catch(() => {});
    if (this.exportConn) await (await this.exportConn).close().catch(() => {});
    await this.sysConn.close().catch(() => {});
    await this.db.terminate();
    this.worker.terminate();
  }
}

