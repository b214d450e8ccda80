// Serving the built app with a data set of one's own: the report folders are parsed with the project's CLI
// (npm run build:data -- --input DIR … --out DIR) into a temporary site whose other files link to dist/.
// The same tests then run on the seeds, a fixture built to fail a check, or a generated corpus of hundreds.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DIST_DIR, PROJECT_ROOT, startApp, type RunningApp } from './app.ts';

const run = promisify(execFile);

export interface DatasetOptions {
  /** include seeds/ (default true) */
  seeds?: boolean;
  /** built app to serve (default dist/) */
  dist?: string;
}

export interface ServedDataset extends RunningApp {
  /** the temporary site: links to dist/ plus its own data/ */
  root: string;
  /** stdout of the build (one line per file and a summary) */
  buildLog: string;
}

/** Parses `inputDirs` (plus the seeds unless `seeds: false`) and serves the built app with that data. */
export async function buildDataset(inputDirs: readonly string[], options: DatasetOptions = {}): Promise<ServedDataset> {
  const dist = options.dist ?? DIST_DIR;
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found — build the app first (npm run build).`);
  const root = await mkdtemp(path.join(os.tmpdir(), 'wb-dataset-'));
  try {
    for (const entry of await readdir(dist)) {
      if (entry !== 'data') await symlink(path.join(dist, entry), path.join(root, entry));
    }
    const out = path.join(root, 'data');
    await mkdir(out);
    const args = ['run', '-s', 'build:data', '--', '--quiet', '--out', out];
    if (options.seeds === false) args.push('--no-seeds');
    for (const dir of inputDirs) args.push('--input', dir);
    const { stdout } = await run('npm', args, { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
    const app = await startApp(root);
    return {
      ...app,
      root,
      buildLog: stdout,
      async close() {
        await app.close();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw e;
  }
}
