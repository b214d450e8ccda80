import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/buildData.ts';
import { loadParquetTables } from '../../src/pipeline/loadParquetTables.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { EXAMPLES } from '../../src/state/examples.ts';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let out: string;
let db: OpenDuckDB;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'wb-examples-'));
  await buildData({ inputs: [join(ROOT, 'seeds')], outDir: out, logger: silentLogger });
  db = await openDuckDB();
  await loadParquetTables(db.connection, out);
  await db.connection.run(await readFile(join(ROOT, 'src/db/views.sql'), 'utf8'));
});

afterAll(async () => {
  db?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('SQL panel examples on the seeds', () => {
  it.each(EXAMPLES.map((e) => [zh[e.name], e.sql]))('%s runs and returns rows', async (_name, sql) => {
    const reader = await db.connection.runAndReadAll(sql);
    expect(reader.currentRowCount).toBeGreaterThan(0);
  });

  it('has a name in both languages', () => {
    for (const e of EXAMPLES) {
      expect(zh[e.name]).toBeTruthy();
      expect(en[e.name]).toBeTruthy();
      expect(en[e.name]).not.toBe(zh[e.name]);
    }
  });
});
