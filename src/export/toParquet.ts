import { Int64, Table, Uint64, tableToIPC, vectorFromArray, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import { initParquetWasm } from '../db/parquetToIpc.ts';

/**
 * A ZSTD Parquet file from record batches (parquet-wasm, the same build that decodes the app's data,
 * so the ZSTD codec is known to be in it). BIGINT/UBIGINT columns, which arrive as exact text, are
 * turned back into 64-bit integers; HUGEINT stays text (Parquet has no 128-bit integer).
 */
export async function toParquet(schema: Schema, batches: RecordBatch[], wide: { name: string; type: string }[]): Promise<Uint8Array<ArrayBuffer>> {
  await initParquetWasm();
  let table = batches.length ? new Table(batches) : new Table(schema);
  const ints = wide.filter((c) => (c.type === 'BIGINT' || c.type === 'UBIGINT') && table.getChild(c.name));
  if (ints.length && table.numRows) {
    const cols: Record<string, Vector> = {};
    for (const f of table.schema.fields) {
      const col = table.getChild(f.name)!;
      const int = ints.find((c) => c.name === f.name);
      cols[f.name] = int
        ? vectorFromArray(
            Array.from({ length: table.numRows }, (_, i) => {
              const v = col.get(i) as string | null;
              return v === null ? null : BigInt(v);
            }),
            int.type === 'BIGINT' ? new Int64() : new Uint64(),
          )
        : col;
    }
    table = new Table(cols);
  }
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(wasmTable, props) as Uint8Array<ArrayBuffer>;
}
