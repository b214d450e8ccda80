// The seeds built into a temporary folder and loaded, with the views, into native DuckDB.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData } from '../../src/pipeline/buildData.ts';
import { loadParquetTables } from '../../src/pipeline/loadParquetTables.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SeedDatabase {
  db: OpenDuckDB;
  /** folder holding the built Parquet files and manifest */
  out: string;
  dispose(): Promise<void>;
}

/** `extraInputs`: more folders parsed with the seeds (fixtures such as a report built to fail a check). */
export async function openSeedDatabase(extraInputs: readonly string[] = []): Promise<SeedDatabase> {
  const out = await mkdtemp(join(tmpdir(), 'wb-seeds-'));
  await buildData({ inputs: [join(ROOT, 'seeds'), ...extraInputs], outDir: out, logger: silentLogger });
  const db = await openDuckDB();
  await loadParquetTables(db.connection, out);
  await db.connection.run(await readFile(join(ROOT, 'src/db/views.sql'), 'utf8'));
  return {
    db,
    out,
    async dispose() {
      db.close();
      await rm(out, { recursive: true, force: true });
    },
  };
}
