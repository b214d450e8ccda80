// The SQL panel's connection: the user's statements, cancellable, and big results counted and paged.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { RecordBatchReader, Table, type Schema } from 'apache-arrow';
import { dropResultSql, materializeSql, pageSql, resultCountSql } from '../sql/pagingSql.ts';
import { rereadable, type Statement } from '../sql/statements.ts';
import type { QueryResult, ResultSize, UserQueries } from './connectors.ts';
import type { Database } from './database.ts';
import { isCancelled, messageOf, QueryCancelled, QueryError } from './errors.ts';
import { IN_MEMORY_BYTES, IN_MEMORY_ROWS } from './limits.ts';
import { pendingMessages, Queue } from './pendingMessages.ts';

export class UserLane implements UserQueries {
  private connection: Promise<AsyncDuckDBConnection> | null = null;
  private readonly queue = new Queue();
  private cancelled = false;
  /** number of the latest query: page reads and background work of older ones are dropped */
  private resultGen = 0;
  /** the connection is counting or materialising a big result after its first rows */
  private background = false;
  /** the query whose materialised result the connection holds (0: none); kept until a newer one returns rows,
   * so that a newer query that fails leaves the result on screen pageable */
  private tableGen = 0;

  constructor(private readonly db: Database) {}

  private conn(): Promise<AsyncDuckDBConnection> {
    return (this.connection ??= this.db.connect());
  }

  statements(sql: string): Promise<Statement[]> {
    return this.db.statements(sql);
  }

  ping(timeoutMs?: number): Promise<boolean> {
    return this.db.ping(timeoutMs);
  }

  fail(reason: string): void {
    this.db.fail(reason);
  }

  /**
   * Runs user SQL; cancellable with cancel(). A result past IN_MEMORY_ROWS/BYTES is not read whole: the first rows
   * come back at once and `more` counts the rest in the background. A read-only statement is then run once more into
   * a TEMP table (one execution whatever the user scrolls to, a stable row order even for ties or random(), an exact
   * count) and pages are read from it by rowid; any other statement is never re-run: its stream is only counted.
   */
  async query(sql: string, statements?: readonly Statement[]): Promise<QueryResult> {
    const parsed = statements ?? (await this.db.statements(sql));
    await this.db.ensureTablesFor(sql, parsed);
    const gen = ++this.resultGen;
    this.cancelled = false;
    const conn = await this.conn();
    // a newer query supersedes the background work and page reads of the older result
    if (this.background) await conn.cancelSent().catch(() => false);
    const release = await this.queue.lock();
    let handedOver = false;
    try {
      if (this.superseded(gen)) throw new QueryCancelled();
      const t0 = performance.now();
      const reader = await RecordBatchReader.from(pendingMessages(conn, sql, () => this.superseded(gen)));
      const it = reader[Symbol.asyncIterator]();
      const batches = [];
      let rows = 0;
      let bytes = 0;
      let more = false;
      for (;;) {
        const next = await it.next();
        if (this.superseded(gen)) throw new QueryCancelled();
        if (next.done) break;
        batches.push(next.value);
        rows += next.value.numRows;
        bytes += next.value.data.byteLength;
        if (rows >= IN_MEMORY_ROWS || bytes >= IN_MEMORY_BYTES) {
          more = true;
          break;
        }
      }
      const table = batches.length ? new Table(batches) : new Table(reader.schema as Schema);
      const ms = performance.now() - t0;
      if (!more) {
        if (this.tableGen) await this.dropResultTable(conn);
        return { table, ms, truncated: false, more: null };
      }
      const columns = table.schema.fields.map((f) => f.name);
      const tail = rereadable(parsed);
      this.background = true;
      handedOver = true;
      const size = (tail ? this.materialize(conn, gen, tail) : this.countRest(conn, gen, sql, it, rows)).finally(() => {
        this.background = false;
        release();
      });
      size.catch(() => {}); // the caller may never ask; errors are read from `size` when it does
      return {
        table,
        ms,
        truncated: true,
        more: { size, fetchRows: (offset, limit) => this.fetchRows(conn, gen, offset, limit, columns) },
      };
    } catch (e) {
      if (isCancelled(e) || this.superseded(gen)) throw new QueryCancelled();
      // not declared failed here: the SQL panel shows this error first, then declares the failure
      throw new QueryError(messageOf(e), sql, { cause: e });
    } finally {
      if (!handedOver) release();
    }
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    if (this.connection) await (await this.connection).cancelSent().catch(() => false);
  }

  /** Frees an older result's table once newer rows replace it on screen (not while a stream is open on the connection). */
  private async dropResultTable(conn: AsyncDuckDBConnection): Promise<void> {
    await conn.query(dropResultSql).catch(() => {});
    this.tableGen = 0;
  }

  /** Query number `gen` was cancelled, or a newer one replaced it. */
  private superseded(gen: number): boolean {
    return this.cancelled || gen !== this.resultGen;
  }

  /** Stops the first stream, then runs `tail` again into the result table (cancellable, like the query). */
  private async materialize(conn: AsyncDuckDBConnection, gen: number, tail: string): Promise<ResultSize> {
    const stillMine = () => {
      if (this.superseded(gen)) throw new QueryCancelled();
    };
    try {
      await conn.cancelSent().catch(() => false);
      if (this.tableGen) await this.dropResultTable(conn);
      stillMine();
      for await (const _ of pendingMessages(conn, materializeSql(tail), () => this.superseded(gen))) stillMine();
      this.tableGen = gen;
      stillMine();
      const n = await conn.query(resultCountSql);
      return { total: Number(n.getChildAt(0)?.get(0) ?? 0), pageable: true };
    } catch (e) {
      if (isCancelled(e) || this.superseded(gen)) throw new QueryCancelled();
      throw this.db.queryError(e, tail);
    }
  }

  /** Reads the rest of a statement that must not run twice, keeping only the count. */
  private async countRest(
    conn: AsyncDuckDBConnection,
    gen: number,
    sql: string,
    it: AsyncIterator<{ numRows: number }>,
    counted: number,
  ): Promise<ResultSize> {
    let total = counted;
    try {
      for (;;) {
        if (this.superseded(gen)) throw new QueryCancelled();
        const next = await it.next();
        if (next.done) return { total, pageable: false };
        total += next.value.numRows;
      }
    } catch (e) {
      await conn.cancelSent().catch(() => false);
      if (isCancelled(e) || this.superseded(gen)) throw new QueryCancelled();
      throw this.db.queryError(e, sql);
    } finally {
      if (this.tableGen) await this.dropResultTable(conn);
    }
  }

  /** Rows [offset, offset + limit) of the materialised result of query number `gen`, while it is kept. */
  private async fetchRows(conn: AsyncDuckDBConnection, gen: number, offset: number, limit: number, columns: readonly string[]): Promise<Table> {
    if (gen !== this.tableGen) throw new QueryCancelled();
    const release = await this.queue.lock();
    try {
      if (gen !== this.tableGen) throw new QueryCancelled();
      const sql = pageSql(offset, limit, columns);
      try {
        return await conn.query(sql);
      } catch (e) {
        throw this.db.queryError(e, sql);
      }
    } finally {
      release();
    }
  }
}
