import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileHead {
  /** the first `maxBytes` bytes (all of them when the file is smaller) */
  head: Uint8Array;
  /** size in bytes of the whole file */
  size: number;
  /** first 16 hex of SHA-256 of the whole file (the report_id) */
  report_id: string;
}

/**
 * Streams a file once: hashes every byte and keeps only the first `maxBytes`, so a file of any size costs at most
 * `maxBytes` of memory and one pass over the disk.
 */
export async function readFileHead(path: string, maxBytes: number): Promise<FileHead> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (kept < maxBytes) {
      const part = chunk.subarray(0, maxBytes - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { head: new Uint8Array(Buffer.concat(chunks, kept)), size, report_id: hash.digest('hex').slice(0, 16) };
}
