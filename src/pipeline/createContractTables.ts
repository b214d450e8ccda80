import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableDef } from '../core/schema.ts';
import type { AppendColumns } from './appendRows.ts';
import { quoteIdent } from './sql.ts';

/** `CREATE OR REPLACE TABLE` with the exact column names and types of the data contract. */
export function createTableSql(def: { readonly name: string } & AppendColumns, name: string = def.name): string {
  const columns = def.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  return `CREATE OR REPLACE TABLE ${quoteIdent(name)} (${columns})`;
}

/** Creates every contract table, empty (tests run views.sql against these). */
export async function createContractTables(connection: DuckDBConnection, tables: readonly TableDef[] = TABLES): Promise<void> {
  for (const def of tables) await connection.run(createTableSql(def));
}
