import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

/** Instantiates parquet-wasm once; safe to call early to overlap with other start-up work. */
export function initParquetWasm(): Promise<unknown> {
  ready ??= initParquet({ module_or_path: parquetWasmUrl });
  return ready;
}

/**
 * DuckDB-WASM 1.32 has no built-in Parquet reader (it would fetch the extension from a CDN),
 * so Parquet is decoded here and handed over as an Arrow IPC stream.
 */
export async function parquetToIpc(bytes: Uint8Array): Promise<DecodedTable> {
  await initParquetWasm();
  const table = readParquet(bytes);
  // DuckDB writes an empty table as a file without row groups, which decodes to no batches.
  const empty = table.numBatches === 0;
  return { ipc: table.intoIPCStream(), empty };
}

export interface DecodedTable {
  ipc: Uint8Array;
  /** no rows: the IPC stream has a schema but no batches, which DuckDB cannot create a table from */
  empty: boolean;
}
