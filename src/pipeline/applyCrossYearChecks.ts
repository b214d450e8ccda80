import type { DuckDBConnection } from '@duckdb/node-api';
import { crossYearChecksSql } from './crossYearChecksSql.ts';

/**
 * Runs the cross-report rules (X-YEAR-CARRY) in SQL once every file is collected: fills `xyear_checks` (checks
 * columns + _ord), and adds their failures to each report's n_warnings (table `kept`) and to its file summary
 * (table `files`). `cells` is a relation with the cells columns and _ord. Returns the number of rows added.
 */
export async function applyCrossYearChecks(connection: DuckDBConnection, cells: string): Promise<number> {
  await connection.run(`CREATE OR REPLACE TABLE xyear_checks AS ${crossYearChecksSql('kept', cells)}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE xyear_failed AS
    SELECT _ord, count(*)::INTEGER AS n FROM xyear_checks WHERE severity = 'warning' AND status = 'fail' GROUP BY _ord`);
  await connection.run(`UPDATE kept SET n_warnings = kept.n_warnings + f.n FROM xyear_failed f WHERE kept._ord = f._ord`);
  await connection.run(`UPDATE files SET warnings = files.warnings + f.n, checks_failed = files.checks_failed + f.n
    FROM xyear_failed f WHERE files._ord = f._ord AND files.status IN ('ok', 'partial')`);
  const result = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM xyear_checks');
  return Number(result.getRowObjectsJS()[0]!.n);
}
