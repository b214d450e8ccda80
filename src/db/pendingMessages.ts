import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { QueryCancelled } from './errors.ts';

/**
 * `sql` on `conn` as Arrow IPC messages (schema first). Unlike send(), whose reader prefetches and retries a fetch
 * that answers "not ready" (which after a cancel it may do for ever), this stops as soon as `stop()` says so: a
 * background count or a download never holds its connection after a newer query or a cancel.
 */
export function pendingMessages(conn: AsyncDuckDBConnection, sql: string, stop: () => boolean): AsyncGenerator<Uint8Array> {
  return conn.useUnsafe(async function* (db, id) {
    let header = await db.startPendingQuery(id, sql, true);
    while (header === null) {
      if (stop()) throw new QueryCancelled();
      header = await db.pollPendingQuery(id);
    }
    yield header;
    for (;;) {
      let msg: Uint8Array | null = null;
      while (msg === null) {
        if (stop()) throw new QueryCancelled();
        msg = await db.fetchQueryResults(id);
      }
      if (msg.length === 0) return;
      yield msg;
    }
  });
}

/** A lane's connection runs one thing at a time: two streams on it would read each other's batches. */
export class Queue {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release once everything queued before has released; `early` stops the wait. */
  lock(early?: AbortSignal): Promise<() => void> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    return new Promise((resolve) => {
      void before.then(() => resolve(release));
      early?.addEventListener('abort', () => resolve(release), { once: true });
    });
  }
}
