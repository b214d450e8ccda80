// One SQL suite, two engines (duckdb-wasm's own test/index_node.ts habit): native DuckDB (@duckdb/node-api), which the
// build uses, and DuckDB-WASM in Node (its blocking build), the engine users run. A suite is a function of `run(sql)`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { readParquet } from 'parquet-wasm/node';
import { TABLES } from '../../src/core/schema.ts';
import { createTableSql } from '../../src/sql/ddlSql.ts';
import { splitStatements, type Statement } from '../../src/sql/statements.ts';
import { toTokens, type Token } from '../../src/sql/tokens.ts';
import { loadParquetTables } from '../../src/pipeline/loadParquetTables.ts';
import { openDuckDB } from '../../src/pipeline/openDuckDB.ts';

export type Row = Record<string, unknown>;

export interface SqlEngine {
  readonly name: EngineName;
  /** rows of the last statement of `sql`, BIGINT as number (the app reads DuckDB-WASM with castBigIntToDouble) */
  run(sql: string): Promise<Row[]>;
  /** loads the Parquet tables a build wrote into `dir` */
  loadParquet(dir: string): Promise<void>;
  close(): void;
}

export type EngineName = 'native' | 'wasm';
export const ENGINE_NAMES: readonly EngineName[] = ['native', 'wasm'];

const require = createRequire(import.meta.url);
const WASM_DIST = join(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'), '..');

let bindings: Promise<DuckDBBindings> | null = null;

/** DuckDB-WASM's engine in Node, instantiated once per test file; each open() is a fresh database on it. */
export function wasmBindings(): Promise<DuckDBBindings> {
  bindings ??= (async () => {
    const bundles = {
      mvp: { mainModule: join(WASM_DIST, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: join(WASM_DIST, 'duckdb-eh.wasm'), mainWorker: '' },
    };
    const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
    await db.instantiate();
    return db;
  })();
  return bindings;
}

/** DuckDB-WASM's tokens for `sql`, as the app reads them. */
export async function tokensOf(sql: string): Promise<Token[]> {
  return toTokens(sql, (await wasmBindings()).tokenize(sql));
}

export async function statementsOf(sql: string): Promise<Statement[]> {
  return splitStatements(sql, await tokensOf(sql));
}

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);
const plainRow = (r: Record<string, unknown>): Row => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]));

export async function openEngine(name: EngineName): Promise<SqlEngine> {
  return name === 'native' ? openNative() : openWasm();
}

async function openNative(): Promise<SqlEngine> {
  const db = await openDuckDB();
  return {
    name: 'native',
    async run(sql) {
      return (await db.connection.runAndReadAll(sql)).getRowObjectsJS().map(plainRow);
    },
    loadParquet: (dir) => loadParquetTables(db.connection, dir),
    close: () => db.close(),
  };
}

async function openWasm(): Promise<SqlEngine> {
  const db = await wasmBindings();
  // A fresh in-memory database, opened as the app opens it (src/db/database.ts).
  db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return {
    name: 'wasm',
    async run(sql) {
      return conn.query(sql).toArray().map((r) => plainRow((r as { toJSON(): Record<string, unknown> }).toJSON()));
    },
    async loadParquet(dir) {
      // as the browser does: parquet-wasm decodes, DuckDB-WASM inserts the Arrow (it has no Parquet reader)
      for (const def of TABLES) {
        const bytes = await readFile(join(dir, `${def.name}.parquet`)).catch(() => null);
        if (!bytes) continue;
        const table = readParquet(new Uint8Array(bytes));
        if (table.numBatches === 0) conn.query(createTableSql(def));
        else conn.insertArrowFromIPCStream(table.intoIPCStream(), { name: def.name, create: true });
      }
    },
    close: () => conn.close(),
  };
}
