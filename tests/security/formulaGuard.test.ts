// Formula injection (CSV injection): a downloaded file must not make a spreadsheet run text from the data set or
// from a query (a shared link carries SQL, so column names count too). CSV/TSV: an apostrophe before text that
// starts with = + - @ tab CR, on by default and switchable off; XLSX: every text is a string cell, never a formula.
import { parse } from 'csv-parse/sync';
import { Dictionary, Float64, Int32, Table, Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportWriter } from '../../src/export/exportWriter.ts';
import type { ExportFormat } from '../../src/export/exportFormat.ts';
import { guardFormula, toCsv, type CsvColumn } from '../../src/export/toCsv.ts';
import { HOSTILE } from './hostile.ts';

const FORMULAS = ['=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', HOSTILE.formula, '=cmd|\' /C calc\'!A0'];
const SAFE_TEXT = ['-3', '+7', '-1.5e3', '-', '湖北省', '1-2', 'a=b', ''];
const TEXT = [...FORMULAS, ...SAFE_TEXT];
const NUMBERS = TEXT.map((_, i) => (i % 2 ? -i - 0.5 : -i - 1));

function batches(): RecordBatch[] {
  const t = new Table({
    '=HYPERLINK("http://evil.example")': vectorFromArray(TEXT, new Utf8()),
    value: vectorFromArray(NUMBERS, new Float64()),
    n: vectorFromArray(NUMBERS.map(Math.trunc), new Int32()),
    // an ENUM column arrives as an Arrow dictionary, not as Utf8
    kind: vectorFromArray(TEXT, new Dictionary(new Utf8(), new Int32())),
  });
  return t.batches;
}

async function written(format: ExportFormat, guardFormulas = true): Promise<Uint8Array> {
  const bs = batches();
  const w = new ExportWriter(bs[0]!.schema, { format, bom: false, guardFormulas, sheet: '报告', wide: [] });
  for (const b of bs) w.add(b);
  return new Uint8Array(await (await w.finish()).blob.arrayBuffer());
}

describe('guardFormula(text)', () => {
  it('prefixes what a spreadsheet would run', () => {
    for (const f of FORMULAS) expect(guardFormula(f), JSON.stringify(f)).toBe(`'${f}`);
  });

  it('leaves numbers written as text, a lone sign and ordinary text alone', () => {
    for (const s of SAFE_TEXT) expect(guardFormula(s), JSON.stringify(s)).toBe(s);
  });
});

describe('CSV and TSV downloads', () => {
  const cols = (data: Record<string, unknown[]>, text: string[]): CsvColumn[] =>
    Object.entries(data).map(([name, values]) => ({ name, isText: text.includes(name), get: (r) => values[r] }));

  it('guard text cells, dictionary (ENUM) cells and header names; numbers stay numbers', async () => {
    for (const [format, delimiter] of [['csv', ','], ['tsv', '\t']] as const) {
      const rows = parse(Buffer.from(await written(format)), { delimiter, relax_quotes: true }) as string[][];
      expect(rows[0]![0], format).toBe(`'=HYPERLINK("http://evil.example")`);
      const body = rows.slice(1);
      expect(body.map((r) => r[0]), format).toEqual(TEXT.map(guardFormula));
      expect(body.map((r) => r[3]), format).toEqual(TEXT.map(guardFormula));
      expect(body.map((r) => Number(r[1])), format).toEqual(NUMBERS);
      expect(body.map((r) => r[2]), format).toEqual(NUMBERS.map((n) => String(Math.trunc(n))));
      const live = (f: string) => /^[=+\-@\t\r]/.test(f) && !/^[+-]?[\d.]+(?:e[+-]?\d+)?$|^[+-]$/i.test(f);
      expect(rows.filter((r) => r.some(live)), format).toEqual([]);
    }
  });

  it('a negative number in a numeric column is never prefixed, even -Infinity', () => {
    const csv = toCsv(cols({ v: [-1, -0.25, -Infinity, -12345678901234567890n] }, []), 4, { bom: false });
    expect(csv).toBe('v\r\n-1\r\n-0.25\r\n-Infinity\r\n-12345678901234567890\r\n');
  });

  it('switched off, text and names are written exactly as they are', async () => {
    const rows = parse(Buffer.from(await written('csv', false)), { relax_quotes: true }) as string[][];
    expect(rows[0]![0]).toBe('=HYPERLINK("http://evil.example")');
    expect(rows.slice(1).map((r) => r[0])).toEqual(TEXT);
  });

  it('a guarded cell with a delimiter, quote or line break is still one quoted field', () => {
    const csv = toCsv(cols({ t: ['=A1,"x"\nB'] }, ['t']), 1, { bom: false });
    expect(csv).toBe('t\r\n"\'=A1,""x""\nB"\r\n');
    expect(parse(csv)).toEqual([['t'], ["'=A1,\"x\"\nB"]]);
  });
});

describe('XLSX downloads', () => {
  let tmp: string;
  let file: string;
  let xml: { sheet: string; strings: string };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'wb-xlsx-guard-'));
    file = join(tmp, 'guard.xlsx');
    const bytes = await written('xlsx');
    await writeFile(file, bytes);
    const zip = unzipSync(bytes);
    const sheet = Object.keys(zip).find((k) => /^xl\/worksheets\/sheet\d*\.xml$/.test(k));
    xml = { sheet: strFromU8(zip[sheet!]!), strings: strFromU8(zip['xl/sharedStrings.xml'] ?? new Uint8Array()) };
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('contains no formula at all', () => {
    expect(xml.sheet).not.toMatch(/<f[\s>]/);
    expect(xml.sheet).toMatch(/<c [^>]*t="s"/);
  });

  it('writes every text cell, and the header, as a string cell; numbers as numbers', () => {
    const cells = [...xml.sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)].map((m) => ({ col: m[1]!, row: Number(m[2]), attrs: m[3]!, v: m[4] }));
    const textCells = cells.filter((c) => c.row === 1 || c.col === 'A' || c.col === 'D');
    expect(textCells.length).toBeGreaterThan(2 * FORMULAS.length);
    for (const c of textCells) if (c.v !== undefined) expect(c.attrs, `${c.col}${c.row}`).toMatch(/t="s"/);
    const numeric = cells.filter((c) => c.row > 1 && (c.col === 'B' || c.col === 'C'));
    expect(numeric).toHaveLength(2 * NUMBERS.length);
    for (const c of numeric) expect(c.attrs, `${c.col}${c.row}`).not.toMatch(/\st=/);
    // leading tab and CR survive in the shared strings (xml:space="preserve")
    expect(xml.strings).toMatch(/<t xml:space="preserve">\t=1\+1<\/t>/);
  });

  it('reads back with read-excel-file: text exactly as in the data (no apostrophe needed), numbers as numbers', async () => {
    const [sheet] = await readXlsxFile(file);
    expect(sheet!.sheet).toBe('报告');
    const data = sheet!.data;
    expect(data[0]).toEqual(['=HYPERLINK("http://evil.example")', 'value', 'n', 'kind']);
    const body = data.slice(1);
    // read-excel-file trims cell text; the XML test above shows the leading tab and CR are in the file
    const text = (v: unknown) => (v === null ? '' : String(v));
    expect(body.map((r) => text(r[0]))).toEqual(TEXT.map((s) => s.trim()));
    expect(body.map((r) => text(r[3]))).toEqual(TEXT.map((s) => s.trim()));
    expect(body.map((r) => r[0])).toContain(HOSTILE.formula);
    expect(body.map((r) => r[0])).toContain('-3');
    expect(body.map((r) => r[1])).toEqual(NUMBERS);
    expect(body.map((r) => r[2])).toEqual(NUMBERS.map(Math.trunc));
    expect(body.every((r) => typeof r[1] === 'number' && typeof r[2] === 'number')).toBe(true);
  });
});
