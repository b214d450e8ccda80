import { describe, expect, it } from 'vitest';
import { csvField, csvValue, toCsv, type CsvColumn } from '../../src/export/toCsv.ts';
import { exportFileName, resultFileName } from '../../src/export/fileName.ts';

const cols = (data: Record<string, unknown[]>, text: string[] = Object.keys(data)): CsvColumn[] =>
  Object.entries(data).map(([name, values]) => ({ name, isText: text.includes(name), get: (r) => values[r] }));

describe('toCsv(columns, n, options)', () => {
  it('starts with a BOM, ends lines with CRLF and writes a header', () => {
    const csv = toCsv(cols({ a: [1, 2], b: ['x', 'y'] }), 2);
    expect(csv).toBe('\uFEFFa,b\r\n1,x\r\n2,y\r\n');
  });

  it('quotes commas, quotes and newlines per RFC 4180', () => {
    const csv = toCsv(cols({ t: ['a,b', 'say "hi"', 'two\nlines', '湖北省'] }), 4, { bom: false });
    expect(csv).toBe('t\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n湖北省\r\n');
  });

  it('writes NULL as an empty field and keeps empty text empty', () => {
    expect(toCsv(cols({ a: [null, ''] }), 2, { bom: false })).toBe('a\r\n\r\n\r\n');
  });

  it('guards text cells that a spreadsheet would run as formulas, not numbers', () => {
    const csv = toCsv(cols({ t: ['=1+1', '+x', '-y', '@z', '\tq', 'ok'], n: [-1, 2, 3, 4, 5, 6] }, ['t']), 6, { bom: false });
    expect(csv.split('\r\n').slice(1, 7)).toEqual(["'=1+1,-1", "'+x,2", "'-y,3", "'@z,4", "'\tq,5", 'ok,6']);
    expect(toCsv(cols({ t: ['=1'] }), 1, { bom: false, guardFormulas: false })).toBe('t\r\n=1\r\n');
  });

  it('writes bigints and objects without loss', () => {
    expect(csvValue(12345678901234567890n)).toBe('12345678901234567890');
    expect(csvValue({ a: 1n })).toBe('{"a":"1"}');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('resultFileName(sql, ext, now)', () => {
  const now = new Date(2026, 10, 23, 9, 5);
  it('names the file after the table read and the time', () => {
    expect(resultFileName('SELECT * FROM reports WHERE 1', 'csv', now)).toBe('政务公开年报_reports_20261123-0905.csv');
    expect(resultFileName('select 1', 'csv', now)).toBe('政务公开年报_query_20261123-0905.csv');
    expect(resultFileName('SELECT * FROM "applications_wide"', 'csv', now)).toBe('政务公开年报_applications_wide_20261123-0905.csv');
  });
});

describe('exportFileName(what, ext, now)', () => {
  const now = new Date(2026, 10, 23, 9, 5);
  it('keeps Chinese names and removes characters file systems refuse', () => {
    expect(exportFileName('各部门 申请/答复', 'xlsx', now)).toBe('政务公开年报_各部门 申请_答复_20261123-0905.xlsx');
    expect(exportFileName('cells_选中报告', 'parquet', now)).toBe('政务公开年报_cells_选中报告_20261123-0905.parquet');
    expect(exportFileName('  ', 'csv', now)).toBe('政务公开年报_query_20261123-0905.csv');
  });
});
