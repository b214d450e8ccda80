// The database the question library runs against in tests: the seeds, a report built to fail its checks, and the
// catalog's tables (`selection` among them) as the app creates them at start-up; on either engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_BASE_SQL, selectionSql } from '../../src/sql/catalogSql.ts';
import { writeFailingReport } from '../fixtures/failingReport.ts';
import type { EngineName } from './engines.ts';
import { openSeedEngine, removeSeedBuilds, type SeedEngine } from './seedEngines.ts';

export async function openQuestionDatabase(engine: EngineName): Promise<SeedEngine> {
  const extra = await mkdtemp(join(tmpdir(), 'wb-failing-'));
  await writeFailingReport(extra);
  const seeds = await openSeedEngine(engine, [extra]);
  await seeds.run(CATALOG_BASE_SQL);
  await seeds.run(selectionSql({}, false));
  return {
    ...seeds,
    async dispose() {
      await seeds.dispose();
      await removeSeedBuilds();
      await rm(extra, { recursive: true, force: true });
    },
  };
}
