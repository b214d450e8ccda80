// fflate for write-excel-file (wired in vite.config.ts): its async zip() starts Workers from blob: URLs,
// which our CSP (worker-src 'self') refuses, and the promise never settles. write-excel-file only runs
// inside the export worker, off the page's thread, so zipping synchronously there costs nothing visible.
import { zipSync, type AsyncZippable, type AsyncZipOptions, type FlateCallback } from 'fflate';

export * from 'fflate';

export function zip(data: AsyncZippable, opts: AsyncZipOptions | FlateCallback, cb?: FlateCallback): () => void {
  const done = (cb ?? opts) as FlateCallback;
  const options = (cb ? opts : {}) as AsyncZipOptions;
  queueMicrotask(() => {
    let out: Uint8Array<ArrayBuffer>;
    try {
      out = zipSync(data as never, options) as Uint8Array<ArrayBuffer>;
    } catch (e) {
      done(e as never, null as never);
      return;
    }
    done(null, out);
  });
  return () => {};
}
