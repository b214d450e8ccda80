import type { ExportOptions } from './exportFormat.ts';

/** Page → export worker. `chunk`: the IPC schema message first, then one message per record batch. */
export type ToWorker = { type: 'start'; options: ExportOptions } | { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

/** Export worker → page. `ack` after each chunk (progress and back-pressure). */
export type FromWorker =
  | { type: 'ack'; rows: number }
  | { type: 'done'; blob: Blob; rows: number; clipped: number }
  | { type: 'error'; message: string };
