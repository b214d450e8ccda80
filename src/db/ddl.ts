import type { TableDef } from '../core/schema.ts';

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const createTableSql = (t: TableDef): string =>
  `CREATE TABLE ${quoteIdent(t.name)} (${t.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`;
