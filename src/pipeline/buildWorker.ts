// A build worker: owns one BuildPart and parses the files the main thread sends it, one after another.
import { parentPort, workerData } from 'node:worker_threads';
import { BuildPart } from './buildPart.ts';
import type { WorkerData, WorkerReply, WorkerTask } from './workerPool.ts';

const port = parentPort!;
const { partPath, memoryLimit, outDir } = workerData as WorkerData;
const part = await BuildPart.create(partPath, { memoryLimit });
const reply = (message: WorkerReply) => port.postMessage(message);

// Appends of one file are synchronous, so files handled concurrently never interleave their rows.
port.on('message', (task: WorkerTask) => {
  if (task.type === 'close') {
    try {
      reply({ type: 'closed', coerced: part.close() });
    } catch (error) {
      reply({ type: 'failed', message: String(error) });
    }
    return;
  }
  part.add(task.ord, task.candidate, undefined, outDir).then(
    (summary) => reply({ type: 'file', ord: task.ord, summary }),
    (error: unknown) => reply({ type: 'failed', message: `${task.candidate.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` }),
  );
});
reply({ type: 'ready' });
