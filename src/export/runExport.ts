import type { ExportQueries } from '../db/connectors.ts';
import { limitSql, WIDE_INTEGER_TYPES } from '../sql/exportSql.ts';
import type { ExportOptions } from './exportFormat.ts';
import type { FromWorker, ToWorker } from './exportMessages.ts';
import { XLSX_MAX_ROWS } from './xlsxCells.ts';
import type { WrittenFile } from './exportWriter.ts';

export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

export interface RunExportArgs {
  lane: ExportQueries;
  sql: string;
  options: Omit<ExportOptions, 'wide'>;
  /** at most this many rows (estimates read a sample) */
  limit?: number;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

/** Batches the worker may hold unprocessed before the stream waits for it (bounds memory). */
const MAX_IN_FLIGHT = 4;

/**
 * Streams every row of `sql` from DuckDB's worker into the export worker, which writes the file.
 * The page's thread only passes bytes along, so it stays responsive for million-row downloads.
 */
export async function runExport({ lane, sql, options, limit, signal, onProgress }: RunExportArgs): Promise<WrittenFile> {
  const cap = options.format === 'xlsx' ? Math.min(limit ?? Infinity, XLSX_MAX_ROWS - 1) : limit;
  const source = cap !== undefined && cap !== Infinity ? limitSql(sql, cap) : sql;
  if (signal?.aborted) throw new ExportCancelled();
  const plan = await lane.exportPlan(source);
  if (signal?.aborted) throw new ExportCancelled();
  const wide = plan.columns.filter((c) => WIDE_INTEGER_TYPES.has(c.type));
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  const post = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const done = new Promise<WrittenFile>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ack') {
        inFlight--;
        onProgress?.(m.rows);
      } else if (m.type === 'done') resolve({ blob: m.blob, rows: m.rows, clipped: m.clipped });
      else {
        failure = new Error(m.message);
        reject(failure);
      }
      wake?.();
    };
    worker.onerror = (e) => {
      failure = new Error(e.message || 'export worker failed');
      reject(failure);
      wake?.();
    };
  });
  done.catch(() => {});
  signal?.addEventListener('abort', () => wake?.());
  try {
    post({ type: 'start', options: { ...options, wide } });
    for await (const bytes of lane.exportStream(plan.sql, signal)) {
      if (failure) throw failure;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      inFlight++;
      post({ type: 'chunk', bytes: own }, [own.buffer]);
      while (inFlight > MAX_IN_FLIGHT && !failure && !signal?.aborted) await new Promise<void>((r) => (wake = r));
    }
    if (signal?.aborted) throw new ExportCancelled();
    post({ type: 'end' });
    const abort = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new ExportCancelled())));
    abort.catch(() => {});
    return await Promise.race([done, abort]);
  } catch (e) {
    if (signal?.aborted || (e instanceof Error && e.name === 'QueryCancelled')) throw new ExportCancelled();
    throw e;
  } finally {
    worker.terminate();
  }
}
