import type { DuckDBInstance } from '@duckdb/node-api';

/** The message native DuckDB gives for `sql` (after `setup`, on a fresh connection); throws when `sql` succeeds. */
export async function duckdbErrorOf(db: DuckDBInstance, sql: string, setup?: string): Promise<string> {
  const conn = await db.connect();
  try {
    if (setup) await conn.run(setup);
    await conn.run(sql);
  } catch (e) {
    return (e as Error).message;
  } finally {
    conn.closeSync();
  }
  throw new Error(`no error for ${sql}`);
}
