import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, packValue, parseViewFile, unpackValue, viewFile, ViewFileError, type ViewState } from '../../src/state/urlCodec.ts';

const LONG_SQL = `SELECT r.organ, r.report_year, c.row_key, c.col_key, c.value
FROM cells c JOIN reports r USING (report_id)
WHERE c.table_id = 'applications' AND c.state = 'reported' AND r.organ LIKE '%人民政府%'
ORDER BY r.report_year DESC, r.organ, c.row_key, c.col_key;
-- 每个机关的申请数量（按年度）`.repeat(3);

describe('encodeView(view) / decodeView(search)', () => {
  it('round-trips panel, language, short and long SQL and part snapshots', () => {
    const view: ViewState = {
      panel: 'sql',
      lang: 'en',
      sql: LONG_SQL,
      parts: { facets: { province: ['湖北省'], year: [2023] }, report: 'a18ae6a6a2b432c9', chart: { mark: 'bar', x: 'organ', y: 'value', long: 'x'.repeat(300) } },
    };
    const qs = encodeView(view);
    expect(decodeView(qs)).toEqual(view);
    expect(decodeView('?' + qs)).toEqual(view);
  });

  it('keeps short values readable and compresses long ones', () => {
    const qs = encodeView({ panel: 'sql', sql: 'SELECT 1', parts: { q: '湖北' } });
    expect(qs).toBe('panel=sql&sql=SELECT%201&q=%22%E6%B9%96%E5%8C%97%22');
    const long = encodeView({ sql: LONG_SQL, parts: {} });
    expect(long).toMatch(/^sql=~[A-Za-z0-9_-]+$/);
    expect(long.length).toBeLessThan(encodeURIComponent(LONG_SQL).length / 3);
  });

  it('leaves defaults out: Chinese, no panel, parts whose snapshot is undefined', () => {
    expect(encodeView({ lang: 'zh', parts: { chart: undefined } })).toBe('');
    expect(decodeView('')).toEqual({ parts: {} });
  });

  it('escapes a plain value that happens to start with the compression mark', () => {
    const sql = '~ not compressed';
    expect(packValue(sql)).not.toBe(sql);
    expect(unpackValue(packValue(sql))).toBe(sql);
    expect(decodeView(encodeView({ sql, parts: {} })).sql).toBe(sql);
  });

  it('never throws on damaged links: bad JSON, bad compression are left out', () => {
    expect(decodeView('panel=sql&sql=~%%%%&facets=%7Bnot-json&report=%22ok%22&lang=xx')).toEqual({ panel: 'sql', lang: 'zh', parts: { report: 'ok' } });
    expect(decodeView('sql=~AAAA')).toEqual({ parts: {} });
  });

  it('never writes a part over a reserved key', () => {
    expect(encodeView({ panel: 'sql', parts: { panel: 'x', sql: 'y' } })).toBe('panel=sql');
  });
});

describe('viewFile(view) / parseViewFile(text)', () => {
  it('round-trips a view through a file', () => {
    const view: ViewState = { panel: 'sql', lang: 'zh', sql: LONG_SQL, parts: { chart: { mark: 'bar' } } };
    expect(parseViewFile(viewFile(view))).toEqual(view);
  });

  it('refuses files that are not view files with a readable error', () => {
    expect(() => parseViewFile('nope')).toThrow(ViewFileError);
    expect(() => parseViewFile('{"kind":"other"}')).toThrow(/not a view file/);
  });
});
