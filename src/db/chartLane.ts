// The chart builder's connection: a chart never cancels the user's SQL, and a newer chart query supersedes an older
// one still running (the older is cancelled and rejects with QueryCancelled), so a stale chart never overwrites a newer.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type Schema } from 'apache-arrow';
import type { ChartQueries, QueryResult } from './connectors.ts';
import type { Database } from './database.ts';
import { isCancelled, QueryCancelled } from './errors.ts';

export class ChartLane implements ChartQueries {
  private connection: Promise<AsyncDuckDBConnection> | null = null;
  private token = 0;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(private readonly db: Database) {}

  read(sql: string): Promise<Table> {
    return this.db.read(sql);
  }

  query(sql: string): Promise<QueryResult> {
    const my = ++this.token;
    const previous = this.running;
    const run = (async () => {
      const conn = await (this.connection ??= this.db.connect());
      // a round trip to the worker: only when an older chart query is still running
      if (this.busy) await conn.cancelSent().catch(() => false);
      await previous.catch(() => {});
      if (my !== this.token) throw new QueryCancelled();
      this.busy = true;
      try {
        await this.db.ensureTablesFor(sql);
        const t0 = performance.now();
        const reader = await conn.send(sql, true);
        const batches = [];
        for await (const batch of reader) {
          if (my !== this.token) throw new QueryCancelled();
          batches.push(batch);
        }
        if (my !== this.token) throw new QueryCancelled();
        const table = batches.length ? new Table(batches) : new Table(reader.schema as Schema);
        return { table, ms: performance.now() - t0, truncated: false };
      } catch (e) {
        if (isCancelled(e) || my !== this.token) throw new QueryCancelled();
        throw this.db.queryError(e, sql);
      } finally {
        this.busy = false;
      }
    })();
    this.running = run;
    return run;
  }
}
