// Serving the built app (dist/) for end-to-end tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type StaticServer } from '../../../scripts/serve.mjs';

export { startServer, type StaticServer };

export const PROJECT_ROOT: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST_DIR: string = path.join(PROJECT_ROOT, 'dist');

export interface RunningApp {
  /** Base URL with trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serve `root` (default: the built `dist/`) on a free port of 127.0.0.1. */
export async function startApp(root: string = DIST_DIR): Promise<RunningApp> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.join(root, 'index.html')} not found — build the app first (npm run build).`);
  }
  const server = await startServer({ root, port: 0, host: '127.0.0.1' });
  return { url: server.url, close: server.close };
}
