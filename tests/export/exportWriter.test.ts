import { parse } from 'csv-parse/sync';
import { Float64, Int32, Table, Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportWriter } from '../../src/export/exportWriter.ts';
import type { ExportFormat, ExportOptions } from '../../src/export/exportFormat.ts';
import { jsonValue } from '../../src/export/jsonRecords.ts';
import { sheetName, xlsxCell, XLSX_MAX_CELL_CHARS } from '../../src/export/xlsxCells.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';

const TRICKY = '=SUM(A1), "引号"\n第二行';
const text = ['湖北省人民政府', TRICKY, null, '', '-3', '@x'];
const num = [1.5, null, -2, 0, 1e21, 3];
const int = [1, 2, null, 4, 5, -6];
// BIGINT columns arrive as exact text from DuckDB (src/sql/exportSql.ts losslessSql)
const big = ['9007199254740993', null, '-9223372036854775808', '0', '42', '9223372036854775807'];

function batches(): RecordBatch[] {
  const t = new Table({
    名称: vectorFromArray(text, new Utf8()),
    value: vectorFromArray(num, new Float64()),
    n: vectorFromArray(int, new Int32()),
    big: vectorFromArray(big, new Utf8()),
  });
  // two batches, as DuckDB streams them
  return [...t.slice(0, 4).batches, ...t.slice(4).batches];
}

const textOf = async (b: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.arrayBuffer());

async function write(format: ExportFormat, extra: Partial<ExportOptions> = {}): Promise<Blob> {
  const bs = batches();
  const w = new ExportWriter(bs[0]!.schema, {
    format, bom: true, guardFormulas: true, sheet: '单元格', wide: [{ name: 'big', type: 'BIGINT' }], ...extra,
  });
  for (const b of bs) w.add(b);
  const out = await w.finish();
  expect(out.rows).toBe(6);
  return out.blob;
}

let tmp: string;
let duck: OpenDuckDB;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'wb-export-'));
  duck = await openDuckDB();
});
afterAll(async () => {
  duck?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('ExportWriter(schema, options)', () => {
  it('CSV: BOM, RFC 4180 quoting, guarded formulas, empty for NULL, exact bigints', async () => {
    const s = await textOf(await write('csv'));
    expect(s.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(s.slice(1), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(['名称', 'value', 'n', 'big']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['湖北省人民政府', `'${TRICKY}`, '', '', '-3', "'@x"]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['9007199254740993', '', '-9223372036854775808', '0', '42', '9223372036854775807']);
    expect(rows[2]![1]).toBe('');
    expect(rows[3]![1]).toBe('-2');
  });

  it('CSV without guard or BOM writes text as it is', async () => {
    const s = await (await write('csv', { bom: false, guardFormulas: false })).text();
    expect(s.charCodeAt(0)).not.toBe(0xfeff);
    expect((parse(s) as string[][])[2]![0]).toBe(TRICKY);
  });

  it('TSV: tab-separated, quoted only where needed', async () => {
    const s = await (await write('tsv', { bom: false })).text();
    expect(s.split('\r\n')[0]).toBe('名称\tvalue\tn\tbig');
    expect((parse(s, { delimiter: '\t' }) as string[][])[2]![0]).toBe(`'${TRICKY}`);
  });

  it('JSON: an array of records that native DuckDB reads back with exact BIGINTs', async () => {
    const s = await (await write('json')).text();
    const parsed = JSON.parse(s) as Record<string, unknown>[];
    expect(parsed).toHaveLength(6);
    expect(parsed[1]).toEqual({ 名称: TRICKY, value: null, n: 2, big: null });
    const file = join(tmp, 'x.json');
    await writeFile(file, s);
    const r = await duck.connection.runAndReadAll(`SELECT big::VARCHAR AS b, typeof(big) AS t FROM read_json('${file}')`);
    expect(r.getRowObjects().map((o) => o.b)).toEqual(big);
    expect(r.getRowObjects()[0]!.t).toMatch(/INT$/); // an integer type, not DOUBLE
  });

  it('JSON of no rows is an empty array', async () => {
    const w = new ExportWriter(batches()[0]!.schema, { format: 'json', bom: false, guardFormulas: false, sheet: 'x', wide: [] });
    expect(JSON.parse(await (await w.finish()).blob.text())).toEqual([]);
  });

  it('XLSX: Chinese header and sheet name, numbers as numbers, text as text (no formulas)', async () => {
    const file = join(tmp, 'x.xlsx');
    await writeFile(file, new Uint8Array(await (await write('xlsx')).arrayBuffer()));
    const sheets = await readXlsxFile(file);
    expect(sheets[0]!.sheet).toBe('单元格');
    const data = sheets[0]!.data;
    expect(data[0]).toEqual(['名称', 'value', 'n', 'big']);
    expect(data[2]![0]).toBe(TRICKY);
    expect(data.slice(1).map((r) => r[1])).toEqual(num);
    // unsafe integers stay exact as text; safe ones are numbers
    expect(data.slice(1).map((r) => r[3])).toEqual(['9007199254740993', null, '-9223372036854775808', 0, 42, '9223372036854775807']);
  });
});

describe('cell encoders', () => {
  it('jsonValue(v, kind) keeps digits of wide integers and names non-finite numbers', () => {
    expect(jsonValue('123456789012345678901', 'wide')).toBe('123456789012345678901');
    expect(jsonValue('not a number', 'wide')).toBe('"not a number"');
    expect(jsonValue(Infinity, 'number')).toBe('"Infinity"');
    expect(jsonValue(12n, 'other')).toBe('12');
    expect(jsonValue({ a: [1n] }, 'other')).toBe('{"a":["1"]}');
  });

  it('xlsxCell cuts text at Excel cell limit and counts it', () => {
    const clipped = { n: 0 };
    const c = xlsxCell('字'.repeat(XLSX_MAX_CELL_CHARS + 5), 'text', clipped);
    expect(String(c?.value).length).toBe(XLSX_MAX_CELL_CHARS);
    expect(clipped.n).toBe(1);
  });

  it('sheetName(name) removes what Excel forbids and keeps Chinese', () => {
    expect(sheetName('cells')).toBe('cells');
    expect(sheetName('选中报告/cells[1]:*?')).toBe('选中报告_cells_1____');
    expect(sheetName('长'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});
