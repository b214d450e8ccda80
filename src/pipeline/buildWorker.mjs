// Entry of a build worker thread. tsx's loader is not inherited by worker threads on Node 20 (neither the CLI's
// nor `execArgv: ['--import', 'tsx']`), so the worker registers tsx itself before importing its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./buildWorker.ts');
