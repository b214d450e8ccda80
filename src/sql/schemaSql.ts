// SQL that reads the database's own catalog: the schema browser, the integrity check of the data set, the guard's
// settings, the schema browser's samples. The default schema is `main` of the current database.
import { ident, literal } from './quote.ts';

/** Columns of every table and view of the default schema, in order (TEMP tables left out). */
export const schemaSql = `SELECT c.table_name, t.table_type, c.column_name, c.data_type
FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema = 'main' AND c.table_catalog <> 'temp' ORDER BY c.table_name, c.ordinal_position`;

export const relationExistsSql = (name: string): string =>
  `SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${literal(name)}`;

/** Relations of the default schema by lower-case name: type 'BASE TABLE' or 'VIEW'. */
export const mainRelationsSql = `SELECT lower(table_name) AS name, table_type AS type
FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`;

/** Each relation's columns as one comma-separated lower-case list. */
export const columnListsSql = `SELECT lower(table_name) AS name, string_agg(lower(column_name), ',' ORDER BY ordinal_position) AS cols
FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() GROUP BY 1`;

/** Definitions of the views of the default schema as DuckDB stored them. */
export const viewDefinitionsSql = `SELECT lower(view_name) AS name, sql
FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()`;

/** Row counts of `names` (tables of the default schema), one row per name. */
export const rowCountsSql = (names: readonly string[]): string =>
  names.map((n) => `SELECT ${literal(n)} AS name, count(*)::DOUBLE AS n FROM main.${ident(n)}`).join(' UNION ALL ');

export const dropRelationSql = (name: string, kind: 'TABLE' | 'VIEW'): string => `DROP ${kind} IF EXISTS main.${ident(name)}`;

export const currentDatabaseSql = 'SELECT current_database() AS d';
/** Settings whose scope is the whole database; `allSettingsSql` where DuckDB has no scope column. */
export const globalSettingsSql = `SELECT lower(name) AS name FROM duckdb_settings() WHERE scope = 'GLOBAL'`;
export const allSettingsSql = 'SELECT lower(name) AS name FROM duckdb_settings()';

export const rowCountSql = (name: string): string => `SELECT count(*) AS n FROM ${ident(name)}`;
export const sampleRowsSql = (name: string, limit: number): string => `SELECT * FROM ${ident(name)} LIMIT ${limit}`;

export const pingSql = 'SELECT 42 AS ping';

/** DuckDB-WASM must never reach for the network: no extension downloads, no http(s) reads from SQL. */
export const OFFLINE_SQL = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;';
export const NO_EXTERNAL_ACCESS_SQL = 'SET enable_external_access = false;';
