import type { TableDef } from '../core/schema.ts';
import { ident, typedIdent } from './quote.ts';

/** An empty contract table (a Parquet file without row groups gives DuckDB no schema to create it from). */
export const createTableSql = (t: TableDef): string =>
  `CREATE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;

/** The copy the SQL panel suggests of a protected table, to change freely under a name of one's own. */
export const copyTableSql = (name: string): string => `CREATE TABLE ${typedIdent(`my_${name}`)} AS SELECT * FROM ${typedIdent(name)};`;
