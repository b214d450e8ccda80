// The floor of the start-up benchmark: the least any page using DuckDB-WASM (eh bundle, same
// configuration as the app) can take — instantiate, open, connect, `SELECT 1`. Marks:
//   floor:instantiated  after db.instantiate() (compare with the app's wb:db-ready)
//   floor:done          after SELECT 1 returned
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const status = document.getElementById('status');

const silentLogger: duckdb.Logger = {
  log: () => {},
};

async function main(): Promise<void> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(silentLogger, worker);
  await db.instantiate(wasmUrl);
  performance.mark('floor:instantiated');
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // Nothing may reach for the extension CDN.
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  const result = await conn.query('SELECT 1 AS one');
  const one = result.getChildAt(0)?.get(0);
  performance.mark('floor:done');
  if (status) status.textContent = `done ${String(one)}`;
}

main().catch((err: unknown) => {
  performance.mark('floor:error');
  if (status) status.textContent = `error: ${String(err)}`;
  console.error(err);
});
