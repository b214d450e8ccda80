// Downloads: counted and described on the internal connection, streamed on a connection of their own, so that
// cancelling one never touches the user's query.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { countSql, describeSql, losslessSql } from '../sql/exportSql.ts';
import type { Statement } from '../sql/statements.ts';
import type { ExportPlan, ExportQueries } from './connectors.ts';
import type { Database } from './database.ts';
import { isCancelled, QueryCancelled } from './errors.ts';
import { pendingMessages, Queue } from './pendingMessages.ts';

export class ExportLane implements ExportQueries {
  private connection: Promise<AsyncDuckDBConnection> | null = null;
  /** one streamed query per connection at a time: a second one would cancel the first mid-stream */
  private readonly queue = new Queue();

  constructor(private readonly db: Database) {}

  statements(sql: string): Promise<Statement[]> {
    return this.db.statements(sql);
  }

  hasRelation(name: string): Promise<boolean> {
    return this.db.hasRelation(name);
  }

  /**
   * The SQL a download streams for `sql`: wide integers as exact text (see losslessSql), with the
   * result's column types from DESCRIBE. Statements DESCRIBE cannot take are streamed as they are.
   */
  async exportPlan(sql: string): Promise<ExportPlan> {
    await this.db.ensureTablesFor(sql);
    try {
      const t = await this.db.read(describeSql(sql));
      const columns = (t.toArray() as { column_name: string; column_type: string }[]).map((r) => ({ name: r.column_name, type: r.column_type }));
      return { sql: losslessSql(sql, columns), columns };
    } catch {
      return { sql, columns: [] };
    }
  }

  /** Rows `sql` returns, counted by DuckDB without moving them. */
  async countRows(sql: string): Promise<number> {
    await this.db.ensureTablesFor(sql);
    const t = await this.db.read(countSql(sql));
    return Number(t.getChildAt(0)?.get(0) ?? 0);
  }

  /**
   * Streams every row of `sql` as Arrow IPC messages, untouched: first the schema message, then one
   * message per record batch (header + messages form an IPC stream). The bytes go straight to the
   * export worker, so the page's thread neither decodes nor holds the rows. Stops when `signal` aborts.
   */
  async *exportStream(sql: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const conn = await (this.connection ??= this.db.connect());
    // waiting for the stream before this one ends early when this one is cancelled
    const release = await this.queue.lock(signal);
    const abort = () => void conn.cancelSent().catch(() => false);
    try {
      if (signal?.aborted) throw new QueryCancelled();
      signal?.addEventListener('abort', abort);
      yield* pendingMessages(conn, sql, () => signal?.aborted ?? false);
    } catch (e) {
      if (isCancelled(e) || signal?.aborted) throw new QueryCancelled();
      throw this.db.queryError(e, sql);
    } finally {
      signal?.removeEventListener('abort', abort);
      // A consumer that stopped early leaves the query pending; harmless when it has finished.
      await conn.cancelSent().catch(() => false);
      release();
    }
  }
}
