import type { DuckDBConnection } from '@duckdb/node-api';
import { findSimilar, type SimilarityStats } from '../core/similarity/findSimilar.ts';
import { SIMILARITY_DEFAULTS, type SimilarityParams } from '../core/similarity/similarityParams.ts';
import { CHECK_COLUMNS, addFailedWarningsSql, xYearCarrySql, xYearStockSql } from '../sql/crossYearSql.ts';
import { completenessSql } from '../sql/completenessSql.ts';
import { qualitySql } from '../sql/qualitySql.ts';
import { reportPairsSql } from '../sql/reportPairsSql.ts';
import { rollupChecksSql, rollupsSql } from '../sql/rollupSql.ts';
import { createSimilarityStagingSql, sectionProfilesSql, similarPassagesSql } from '../sql/similaritySql.ts';
import { timelinessSql } from '../sql/timelinessSql.ts';
import { duckdbReportSource } from './duckdbReportSource.ts';

/** Rule ids the review step adds to `checks` (all warnings). */
export const REVIEW_RULES = ['X-YEAR-CARRY', 'X-YEAR-STOCK', 'TIMELY', 'COMPLETE-SECTIONS', 'COMPLETE-TABLES', 'PROBLEMS-SPECIFIC', 'OTHER-FEE', 'OTHER-WORK-POINTS', 'ROLLUP'];

const insertChecks = (select: string): string => `INSERT INTO checks (${CHECK_COLUMNS.map((c) => `"${c}"`).join(', ')}) ${select}`;

/**
 * Everything the review desk computes once all files are in, over the contract tables in `connection` (reports,
 * sections, cells, checks, texts): report_pairs; X-YEAR-CARRY and X-YEAR-STOCK; the copy search (similar_passages,
 * section_profiles); TIMELY, the completeness rules and ROLLUP (rollups); then report_quality — the cross-report rows
 * appended to checks and their failures added to reports.n_warnings. Phase 2 calls this from the streaming build.
 */
export async function runReviewStep(connection: DuckDBConnection, params: SimilarityParams = SIMILARITY_DEFAULTS): Promise<{ similarity: SimilarityStats }> {
  const run = async (sql: string | string[]) => { for (const s of typeof sql === 'string' ? [sql] : sql) await connection.run(s); };
  await run(reportPairsSql());
  await run([insertChecks(xYearCarrySql()), insertChecks(xYearStockSql())]);

  const found = await findSimilar(await duckdbReportSource(connection), params);
  await run(createSimilarityStagingSql());
  const passages = await connection.createAppender('similar_passages_raw');
  for (const p of found.passages) {
    passages.appendVarchar(p.report_id); passages.appendVarchar(p.other_report_id); passages.appendVarchar(p.section_key);
    passages.appendInteger(p.passage); passages.appendDouble(p.similarity); passages.appendDouble(p.other_similarity);
    passages.appendInteger(p.start); passages.appendInteger(p.end); passages.appendInteger(p.other_start); passages.appendInteger(p.other_end);
    passages.appendInteger(p.specific_chars);
    passages.endRow();
  }
  passages.closeSync();
  const profiles = await connection.createAppender('section_profiles_raw');
  for (const p of found.profiles) {
    profiles.appendVarchar(p.report_id); profiles.appendVarchar(p.section_key); profiles.appendInteger(p.chars); profiles.appendInteger(p.shingles); profiles.appendInteger(p.specific);
    profiles.endRow();
  }
  profiles.closeSync();
  await run([similarPassagesSql(), sectionProfilesSql()]);

  await run([insertChecks(timelinessSql()), insertChecks(completenessSql({}, { profiles: 'section_profiles' })), rollupsSql(), insertChecks(rollupChecksSql())]);
  await run(addFailedWarningsSql(REVIEW_RULES));
  await run([qualitySql(), 'DROP TABLE IF EXISTS similar_passages_raw', 'DROP TABLE IF EXISTS section_profiles_raw']);
  return { similarity: found.stats };
}
