import { Int64, Table, Uint64, makeData, makeVector, tableToIPC, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
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
  if (ints.length) {
    const cols: Record<string, Vector> = {};
    for (const f of table.schema.fields) {
      const col = table.getChild(f.name)!;
      const int = ints.find((c) => c.name === f.name);
      cols[f.name] = int ? int64Vector(col, int.type === 'UBIGINT') : col;
    }
    table = new Table(cols);
  }
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(wasmTable, props) as Uint8Array<ArrayBuffer>;
}

/** Exact 64-bit integers from their decimal text. Built from typed arrays: Arrow's builders need eval, which the CSP forbids. */
function int64Vector(col: Vector, unsigned: boolean): Vector {
  const n = col.length;
  const values = unsigned ? new BigUint64Array(n) : new BigInt64Array(n);
  const valid = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = col.get(i) as string | null;
    if (v === null) nullCount++;
    else {
      values[i] = BigInt(v);
      valid[i >> 3]! |= 1 << (i & 7);
    }
  }
  const type = unsigned ? new Uint64() : new Int64();
  return makeVector(makeData({ type, length: n, nullCount, data: values, nullBitmap: nullCount ? valid : null }) as never);
}
