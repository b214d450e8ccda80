import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLES, type TableDef } from '../core/schema.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';

/** Loads `<dir>/<table>.parquet` into native DuckDB tables named after the contract tables (Node only). */
export async function loadParquetTables(connection: DuckDBConnection, dir: string, tables: readonly TableDef[] = TABLES): Promise<void> {
  for (const def of tables)
    await connection.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(def.name)} AS SELECT * FROM read_parquet(${quoteLiteral(join(dir, `${def.name}.parquet`))})`,
    );
}
