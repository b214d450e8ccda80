import { parquetToIpc, type DecodedTable } from './parquetToIpc.ts';

/** Fetches one table's Parquet file and decodes it to Arrow IPC; needs no database, so it can run while DuckDB starts. */
export async function fetchTableIpc(base: URL, file: string): Promise<DecodedTable> {
  const res = await fetch(new URL(file, base));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return parquetToIpc(new Uint8Array(await res.arrayBuffer()));
}
