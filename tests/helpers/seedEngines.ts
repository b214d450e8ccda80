// The seeds built once per test file and loaded, with the views, into either engine (see engines.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData } from '../../src/pipeline/buildData.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openEngine, type EngineName, type SqlEngine } from './engines.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SeedEngine extends SqlEngine {
  /** folder of the built Parquet files and manifest */
  out: string;
  dispose(): Promise<void>;
}

const builds = new Map<string, Promise<string>>();

/** Parquet files of the seeds (and `extraInputs`), built once per test file and input list. */
export function seedBuild(extraInputs: readonly string[] = []): Promise<string> {
  const key = extraInputs.join('\n');
  let p = builds.get(key);
  if (!p) {
    p = (async () => {
      const out = await mkdtemp(join(tmpdir(), 'wb-seeds-'));
      await buildData({ inputs: [join(ROOT, 'seeds'), ...extraInputs], outDir: out, logger: silentLogger });
      return out;
    })();
    builds.set(key, p);
  }
  return p;
}

export async function openSeedEngine(name: EngineName, extraInputs: readonly string[] = []): Promise<SeedEngine> {
  const out = await seedBuild(extraInputs);
  const engine = await openEngine(name);
  await engine.loadParquet(out);
  await engine.run(await readFile(join(ROOT, 'src/db/views.sql'), 'utf8'));
  return {
    ...engine,
    out,
    async dispose() {
      engine.close();
    },
  };
}

/** Removes the builds of this file (call in afterAll). */
export async function removeSeedBuilds(): Promise<void> {
  for (const p of builds.values()) await rm(await p, { recursive: true, force: true });
  builds.clear();
}
