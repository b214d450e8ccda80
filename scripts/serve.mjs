#!/usr/bin/env node
// `npm start`: serve the built app from dist/ on http://127.0.0.1:5173/ (next free port if busy).
// Options: --port N (or $PORT), --host H (default 127.0.0.1), --root DIR (default dist/), --log.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './staticServer.mjs';

export { startServer } from './staticServer.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ port?: number, host?: string, root?: string, log: boolean }} */
  const out = { log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port' || flag === '-p') out.port = Number(value());
    else if (flag === '--host') out.host = value();
    else if (flag === '--root') out.root = value();
    else if (flag === '--log') out.log = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/serve.mjs [--port N] [--host H] [--root DIR] [--log]');
      process.exit(0);
    } else throw new Error(`Unknown option: ${arg}`);
  }
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(String(/** @type {Error} */ (err).message));
    process.exit(2);
  }
  const port = args.port ?? (process.env.PORT ? Number(process.env.PORT) : 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port: ${args.port ?? process.env.PORT}`);
    process.exit(2);
  }
  const root = path.resolve(args.root ?? path.join(projectRoot, 'dist'));
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`${path.join(root, 'index.html')} not found. Build first: npm run build`);
    process.exit(1);
  }
  const server = await startServer({ root, port, host: args.host ?? '127.0.0.1', log: args.log });
  console.log(`政务公开年报工作台 Disclosure Report Workbench: ${server.url}`);
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
