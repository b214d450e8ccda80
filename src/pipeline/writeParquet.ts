import type { DuckDBConnection } from '@duckdb/node-api';
import { stat } from 'node:fs/promises';
import type { TableDef, TableName } from '../core/schema.ts';
import { appendRows } from './appendRows.ts';
import { createTableSql } from './createContractTables.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';
import { withTempFile } from './writeFileAtomic.ts';

/** Sorted by report so a reader can skip row groups; the trailing keys only make the output deterministic. */
export const SORT_KEYS: Readonly<Record<TableName, readonly string[]>> = {
  reports: ['report_id'],
  sections: ['report_id', 'ord'],
  cells: ['report_id', 'table_id', 'row_key', 'col_key', 'start'],
  checks: ['report_id', 'rule_id', 'col_key', 'status'],
  facts: ['report_id', 'start', 'end', 'label'],
  texts: ['report_id'],
  labels: ['format', 'table_id', 'kind', 'ord', 'key'],
  diagnostics: ['report_id', 'source_file', 'start', 'code', 'message'],
  report_pairs: ['report_id'],
  similar_passages: ['report_id', 'section_key', 'other_report_id', 'passage'],
  section_profiles: ['report_id', 'section_key'],
  rollups: ['report_id', 'child_group', 'metric'],
  report_quality: ['report_id'],
};

export const ROW_GROUP_SIZE = 100_000;

export interface WrittenTable {
  rows: number;
  bytes: number;
  /** values written as NULL because they did not fit the column type */
  coerced: number;
}

/**
 * Writes `rows` to `path` as ZSTD Parquet with the exact contract columns, via a staging table in `connection`.
 * Zero rows still give a valid file carrying the full schema.
 */
export async function writeParquet(
  connection: DuckDBConnection,
  def: TableDef,
  rows: readonly object[],
  path: string,
): Promise<WrittenTable> {
  const staging = `stage_${def.name}`;
  await connection.run(createTableSql(def, staging));
  try {
    const coerced = await appendRows(connection, staging, def, rows);
    const orderBy = SORT_KEYS[def.name].map((k) => `${quoteIdent(k)} NULLS FIRST`).join(', ');
    await withTempFile(path, (tmp) =>
      connection.run(
        `COPY (SELECT * FROM ${quoteIdent(staging)} ORDER BY ${orderBy}) TO ${quoteLiteral(tmp)} ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      ),
    );
    return { rows: rows.length, bytes: (await stat(path)).size, coerced };
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
  }
}
