// The database the question library runs against in tests: the seeds, a report built to fail its checks, and the
// catalog's tables (`selection` among them) as the app creates them at start-up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_BASE_SQL, selectionSql } from '../../src/state/catalogQuery.ts';
import { writeFailingReport } from '../fixtures/failingReport.ts';
import { openSeedDatabase, type SeedDatabase } from './seedDatabase.ts';

export async function openQuestionDatabase(): Promise<SeedDatabase> {
  const extra = await mkdtemp(join(tmpdir(), 'wb-failing-'));
  await writeFailingReport(extra);
  const seeds = await openSeedDatabase([extra]);
  await seeds.db.connection.run(CATALOG_BASE_SQL);
  await seeds.db.connection.run(selectionSql({}, false));
  return {
    ...seeds,
    async dispose() {
      await seeds.dispose();
      await rm(extra, { recursive: true, force: true });
    },
  };
}
