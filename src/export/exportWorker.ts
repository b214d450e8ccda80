// Format conversion off the page's thread: Arrow IPC bytes from DuckDB in, one file (Blob) out.
import { RecordBatchReader } from 'apache-arrow';
import type { FromWorker, ToWorker } from './exportMessages.ts';
import type { ExportOptions } from './exportFormat.ts';
import { ExportWriter } from './exportWriter.ts';

let options: ExportOptions | null = null;
let header: Uint8Array | null = null;
let writer: ExportWriter | null = null;
const post = (m: FromWorker) => postMessage(m);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    if (m.type === 'start') options = m.options;
    else if (m.type === 'chunk') {
      if (!header) {
        header = m.bytes;
        writer = new ExportWriter(RecordBatchReader.from(header).open().schema, options!);
      } else {
        // Each message is a record batch that only decodes after the stream's schema message.
        for (const batch of RecordBatchReader.from(concat(header, m.bytes))) writer!.add(batch);
      }
      post({ type: 'ack', rows: writer!.rows });
    } else {
      if (!writer) throw new Error('no data');
      const { blob, rows, clipped } = await writer.finish();
      post({ type: 'done', blob, rows, clipped });
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
