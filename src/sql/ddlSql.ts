import type { TableDef } from '../core/schema.ts';
import { ident } from './quote.ts';

/** An empty contract table (a Parquet file without row groups gives DuckDB no schema to create it from). */
export const createTableSql = (t: TableDef): string =>
  `CREATE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;
